import { createBroadcastTenantEvents, type TenantEvents } from '@watchpost/core/realtime';
import type { ApiServer } from './socket-types.js';

/**
 * Emits to a tenant's room through this node's Socket.IO server; its adapter carries the
 * event to the sockets on other nodes. Lean sockets get deltas instead of `monitorList`
 * (docs/protocol/dashboard.md#what-a-lean-socket-receives).
 */
export function createSocketTenantEvents(io: ApiServer): TenantEvents {
  return createBroadcastTenantEvents(io);
}
