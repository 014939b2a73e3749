import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

// docs/protocol/dashboard.md#opting-in: the handshake's query is client input like any other
// (architecture rule 6); anything without exactly `burst=lean` is a Kuma socket.
const leanBurstQuery = z.object({ burst: z.literal('lean') });

/** Whether a socket's handshake query asked for the dashboard's lean burst. */
export function wantsLeanBurst(handshakeQuery: unknown): boolean {
  return leanBurstQuery.safeParse(handshakeQuery).success;
}

/**
 * docs/protocol/dashboard.md#compression: only lean sockets get per-message compression.
 * Kuma's burst is thousands of messages, and deflating them one after another delays the
 * burst past what Kuma clients wait for; the lean burst is one large message that deflate
 * shrinks several times over. Removing the offer from a WebSocket upgrade request, before
 * the server negotiates, leaves that connection uncompressed.
 */
export function offerCompressionOnlyToLeanSockets(request: IncomingMessage): void {
  const query = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams);
  if (!wantsLeanBurst(query)) delete request.headers['sec-websocket-extensions'];
}
