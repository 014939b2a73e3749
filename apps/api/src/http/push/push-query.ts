import { z } from 'zod';
import type { PushReport } from '@watchpost/core/db';

/** Longest `msg` stored; the rest is cut. Beats travel in every login burst, so keep them small. */
export const MAX_PUSH_MSG_LENGTH = 1024;
/** Largest `ping` stored (ms, ~11.6 days); larger values are clamped to it. */
export const MAX_PUSH_PING_MS = 1e9;

/** Push tokens as `add`/`editMonitor` accept them; anything else cannot match a monitor. */
export const pushTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

// A repeated parameter (`?msg=a&msg=b`) arrives as an array; the first one counts.
const queryValue = z.preprocess(
  (value) => (Array.isArray(value) ? (value as unknown[])[0] : value),
  z.string().optional(),
);

/**
 * The push query of docs/protocol/http.md#push-endpoint. Lenient like upstream: no value is rejected. An empty value
 * counts as missing (`status || "up"`, `msg || "OK"` upstream); what Postgres cannot store
 * or clients should not receive is cleaned or clamped instead of failing the push.
 */
export const pushQuerySchema = z
  .object({ status: queryValue, msg: queryValue, ping: queryValue })
  .transform((q): PushReport => ({
    status: !q.status || q.status === 'up' ? 'up' : 'down',
    msg: cleanMsg(q.msg || 'OK'),
    pingMs: parsePing(q.ping),
  }));

function cleanMsg(msg: string): string {
  // Postgres text cannot hold NUL; everything else is stored as sent.
  const text = msg.replaceAll('\u0000', '');
  if (text.length <= MAX_PUSH_MSG_LENGTH) return text;
  const cut = text.slice(0, MAX_PUSH_MSG_LENGTH);
  // Never end on half a surrogate pair, which would reach clients as U+FFFD.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * `parseFloat(ping) || null` upstream: missing, unparsable and 0 give null. Also null here:
 * negative and infinite values, which no response time has and the averages cannot absorb.
 */
function parsePing(ping: string | undefined): number | null {
  if (ping === undefined) return null;
  const value = Number.parseFloat(ping);
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.min(value, MAX_PUSH_PING_MS);
}
