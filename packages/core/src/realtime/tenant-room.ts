/**
 * Kuma sends pushes to "room U" (the user's sockets). Watchpost's unit of ownership is the
 * tenant, so every authenticated socket joins its tenant's room and nothing else.
 */
export function tenantRoom(tenantId: number): string {
  return `tenant:${tenantId}`;
}

/** Redis key of the Socket.IO adapter; API nodes and emitters must agree on it. */
export function socketIoRedisKey(prefix: string): string {
  return `${prefix}:socket.io`;
}

/**
 * The second room of the tenant's sockets that asked for the lean burst
 * (docs/protocol/dashboard.md#what-a-lean-socket-receives); they are in `tenantRoom` too.
 */
export function leanTenantRoom(tenantId: number): string {
  return `${tenantRoom(tenantId)}:lean`;
}
