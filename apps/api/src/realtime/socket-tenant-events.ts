import { createBroadcastTenantEvents, type TenantEvents } from '@watchpost/core/realtime';
import type { ApiServer } from './socket-types.js';

/**
 * Emits to a tenant's room through this node's Socket.IO server; its adapter carries the
 * event to the sockets on other nodes.
 */
export function createSocketTenantEvents(io: ApiServer): TenantEvents {
  return createBroadcastTenantEvents(io);
}
