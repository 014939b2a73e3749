import { leanTenantRoom, tenantAudienceRoom, tenantRoom } from '@watchpost/core/realtime';
import { audienceOf } from './session-audience.js';
import type { LoginIdentity } from '@watchpost/core/services';
import type { ApiServer, ApiSocket, Session } from './socket-types.js';

/** The socket's session for whoever a login service let in. */
export function sessionOf(identity: LoginIdentity): Session {
  const { userId, tenantId, username, scope, apiKeyId, apiKeyExpiresAt } = identity;
  return { userId, tenantId, username, scope, apiKeyId, apiKeyExpiresAt };
}

/**
 * Authenticates the socket for one user. A socket that logs in again as someone else first
 * leaves its old tenant's room, so it can never hold two tenants' rooms (architecture rule 1).
 */
export async function startSession(socket: ApiSocket, session: Session): Promise<void> {
  endSession(socket);
  socket.data.session = session;
  if (session.apiKeyExpiresAt) disconnectAtKeyExpiry(socket, session, session.apiKeyExpiresAt);
  await socket.join(roomsOf(socket, session));
}

export function endSession(socket: ApiSocket): void {
  const previous = socket.data.session;
  if (!previous) return;
  delete socket.data.session;
  clearTimeout(expiryTimers.get(socket));
  expiryTimers.delete(socket);
  for (const room of roomsOf(socket, previous)) void socket.leave(room);
}

// Kept beside the socket rather than in `socket.data`, which the Redis adapter serializes.
const expiryTimers = new WeakMap<ApiSocket, NodeJS.Timeout>();
// setTimeout's longest delay (about 24.8 days); a later expiry re-arms the timer.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * docs/protocol/api-keys.md#api-key-lifecycle: a session opened with a key that expires is disconnected when it does, as
 * one whose key is disabled, rather than outliving it.
 */
function disconnectAtKeyExpiry(socket: ApiSocket, session: Session, expiresAt: Date): void {
  const delay = Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS);
  const timer = setTimeout(() => {
    expiryTimers.delete(socket);
    if (socket.data.session !== session) return;
    if (Date.now() < expiresAt.getTime()) disconnectAtKeyExpiry(socket, session, expiresAt);
    else socket.disconnect(true);
  }, delay);
  // A pending expiry must not keep the process alive at shutdown.
  timer.unref();
  expiryTimers.set(socket, timer);
  socket.once('disconnect', () => clearTimeout(timer));
}

/** The tenant's room, the session's audience room and, for the dashboard's sockets, the lean room. */
function roomsOf(socket: ApiSocket, session: Session): string[] {
  const rooms = [
    tenantRoom(session.tenantId),
    tenantAudienceRoom(session.tenantId, audienceOf(session)),
  ];
  if (socket.data.leanBurst) rooms.push(leanTenantRoom(session.tenantId));
  return rooms;
}

/**
 * Disconnects every socket, on any API node, that logged in with this key, so disabling or
 * deleting a key also ends the sessions it opened instead of letting them outlive it.
 */
export async function endApiKeySessions(
  io: ApiServer,
  tenantId: number,
  apiKeyId: number,
): Promise<void> {
  const sockets = await io.in(tenantRoom(tenantId)).fetchSockets();
  for (const socket of sockets) {
    if (socket.data.session?.apiKeyId === apiKeyId) socket.disconnect(true);
  }
}
