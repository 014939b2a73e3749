import type { ApiSocket } from './socket-types.js';

/**
 * The address the per-address login limits count (docs/protocol/authentication.md#rate-limiting). Behind a trusted reverse proxy it
 * is the last `X-Forwarded-For` entry, the one that proxy appended; entries before it are
 * whatever the client chose to send, so they are never believed.
 */
export function clientAddressOf(socket: ApiSocket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
  return trustProxy && last ? last : socket.handshake.address;
}
