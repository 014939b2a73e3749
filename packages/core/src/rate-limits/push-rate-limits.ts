import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { consumeRateLimit, type RateLimit } from './rate-limit-repository.js';

// A refused push answers with Kuma's limiter text, as a refused login does.
export { TOO_FREQUENT_MSG } from './login-rate-limits.js';

/**
 * docs/protocol/http.md#push-endpoint: pushes per token. Each push stores a beat and wakes every socket of the tenant; a script
 * looping on its push URL would otherwise write as fast as the database takes it. One a
 * second on average leaves room for any real push monitor, whose window is at least 20 s.
 * Shared by every API node through the database, like the login limits.
 */
export const PUSH_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 60_000 };

/** The bucket of a push token; hashed, since the token is the monitor's secret. */
export function pushBucket(token: string): string {
  return `push:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 32)}`;
}

/** Spends one push of the token; false once this minute's are used up. */
export function spendPushAttempt(db: Kysely<Database>, token: string): Promise<boolean> {
  return consumeRateLimit(db, pushBucket(token), PUSH_RATE_LIMIT);
}
