import { tenantAudienceRoom, tenantRoom } from '@watchpost/core/realtime';
import { audienceOf } from './session-audience.js';
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
  await socket.join(roomsOf(session));
}

export function endSession(socket: ApiSocket): void {
  const previous = socket.data.session;
  if (!previous) return;
  delete socket.data.session;
  for (const room of roomsOf(previous)) void socket.leave(room);
}

function roomsOf(session: Session): string[] {
  return [tenantRoom(session.tenantId), tenantAudienceRoom(session.tenantId, audienceOf(session))];
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
