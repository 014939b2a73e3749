import type { EncodedEvent } from '@watchpost/core/services';
import type { ApiSocket } from './socket-types.js';

// Socket.IO's packet type for an event (socket.io-parser's PacketType.EVENT): a packet is the
// type, the namespace unless it is the main one, then the JSON of `[event, ...args]`.
const EVENT_PACKET = '2';

/**
 * Writes pushes already encoded as JSON (the login replay's, see replayMonitors) to one
 * socket, in order with everything else it is sent, as Socket.IO's own `emit` would have
 * framed them. Resolves once the last one has left the process (or the connection closed):
 * a caller that awaits it sends no faster than the client reads, instead of queueing
 * megabytes in memory ahead of the socket.
 */
export function writeEncodedEvents(
  socket: ApiSocket,
  events: readonly EncodedEvent[],
): Promise<void> {
  return new Promise((resolve) => {
    const conn = socket.conn;
    if (events.length === 0 || !socket.connected) {
      resolve();
      return;
    }
    const prefix = socket.nsp.name === '/' ? EVENT_PACKET : `${EVENT_PACKET}${socket.nsp.name},`;
    const done = () => {
      conn.off('close', done);
      resolve();
    };
    // A connection that closes never calls back for what it still held.
    conn.once('close', done);
    const last = events.length - 1;
    events.forEach((event, i) => {
      conn.write(`${prefix}${event}`, {}, i === last ? done : undefined);
    });
  });
}
