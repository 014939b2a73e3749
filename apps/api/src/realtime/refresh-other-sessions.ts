import { tenantRoom } from '@watchpost/core/realtime';
import type { ApiServer } from './socket-types.js';

/**
 * Spec §2.8 / §2.6: every other socket the user logged in with a password or login token,
 * on any API node, gets `refresh` (no arguments) and is disconnected. API-key sessions of
 * the user stay: the key is its own credential and is not tied to the password.
 */
export async function refreshOtherSessions(
  io: ApiServer,
  session: { tenantId: number; userId: number },
  exceptSocketId: string,
): Promise<void> {
  const sockets = await io.in(tenantRoom(session.tenantId)).fetchSockets();
  for (const socket of sockets) {
    const other = socket.data.session;
    if (socket.id === exceptSocketId || !other) continue;
    if (other.userId !== session.userId || other.apiKeyId !== null) continue;
    socket.emit('refresh');
    socket.disconnect(true);
  }
}
