import { tenantRoom } from '@watchpost/core/realtime';
import type { ApiServer } from './socket-types.js';

/**
 * docs/protocol/authentication.md#password-change / docs/protocol/authentication.md#logout / docs/protocol/authentication.md#disabled-authentication / docs/protocol/settings.md: every other socket of the user, on any API node, gets `refresh`
 * (no arguments) and is disconnected. After a password change or a logout the user's API-key sessions
 * stay (`keepApiKeySessions`): the key is its own credential, not tied to the password.
 */
export async function refreshOtherSessions(
  io: ApiServer,
  session: { tenantId: number; userId: number },
  exceptSocketId: string,
  { keepApiKeySessions = true } = {},
): Promise<void> {
  const sockets = await io.in(tenantRoom(session.tenantId)).fetchSockets();
  for (const socket of sockets) {
    const other = socket.data.session;
    if (socket.id === exceptSocketId || !other) continue;
    if (other.userId !== session.userId) continue;
    if (keepApiKeySessions && other.apiKeyId !== null) continue;
    socket.emit('refresh');
    socket.disconnect(true);
  }
}
