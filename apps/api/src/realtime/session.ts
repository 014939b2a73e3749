import { leanTenantRoom, tenantRoom } from '@watchpost/core/realtime';
import type { LoginIdentity } from '@watchpost/core/services';
import type { ApiServer, ApiSocket, Session } from './socket-types.js';

/** The socket's session for whoever a login service let in. */
export function sessionOf(identity: LoginIdentity): Session {
  const { userId, tenantId, username, scope, apiKeyId } = identity;
  return { userId, tenantId, username, scope, apiKeyId };
}

/**
 * Authenticates the socket for one user. A socket that logs in again as someone else first
 * leaves its old tenant's room, so it can never hold two tenants' rooms (architecture rule 1).
 */
export async function startSession(socket: ApiSocket, session: Session): Promise<void> {
  endSession(socket);
  socket.data.session = session;
  const rooms = [tenantRoom(session.tenantId)];
  if (socket.data.leanBurst) rooms.push(leanTenantRoom(session.tenantId));
  await socket.join(rooms);
}

export function endSession(socket: ApiSocket): void {
  const previous = socket.data.session;
  if (!previous) return;
  delete socket.data.session;
  void socket.leave(tenantRoom(previous.tenantId));
  void socket.leave(leanTenantRoom(previous.tenantId));
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
