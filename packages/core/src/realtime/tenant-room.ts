/**
 * Kuma sends pushes to "room U" (the user's sockets). Watchpost's unit of ownership is the
 * tenant, so every authenticated socket joins its tenant's room, and one of the tenant's two
 * audience rooms (see tenantAudienceRoom).
 */
export function tenantRoom(tenantId: number): string {
  return `tenant:${tenantId}`;
}

/**
 * `full`: sessions that may see the tenant's secrets (a password or login-token login, a write
 * key). `redacted`: read-only sessions, which receive pushes that carry secrets without them
 * (docs/protocol/api-keys.md#read-scope-keys).
 */
export type SessionAudience = 'full' | 'redacted';

export function tenantAudienceRoom(tenantId: number, audience: SessionAudience): string {
  return `${tenantRoom(tenantId)}:${audience}`;
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
