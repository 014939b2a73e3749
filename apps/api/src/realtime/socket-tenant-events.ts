import {
  createBroadcastTenantEvents,
  type TenantEvents,
  type TenantWatch,
} from '@watchpost/core/realtime';
import type { ApiServer } from './socket-types.js';

/**
 * Emits to a tenant's room through this node's Socket.IO server; its adapter carries the
 * event to the sockets on other nodes. Lean sockets get deltas instead of `monitorList`
 * (docs/protocol/dashboard.md#what-a-lean-socket-receives). `watch` says which tenants any node
 * serves a socket of.
 */
export function createSocketTenantEvents(io: ApiServer, watch: TenantWatch): TenantEvents {
  return createBroadcastTenantEvents(io, watch);
}
