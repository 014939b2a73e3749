import { z } from 'zod';

// docs/protocol/dashboard.md#opting-in: the handshake's query is client input like any other
// (architecture rule 6); anything without exactly `burst=lean` is a Kuma socket.
const leanBurstQuery = z.object({ burst: z.literal('lean') });

/** Whether a socket's handshake query asked for the dashboard's lean burst. */
export function wantsLeanBurst(handshakeQuery: unknown): boolean {
  return leanBurstQuery.safeParse(handshakeQuery).success;
}
