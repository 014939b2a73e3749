import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// How many windows a bucket row outlives its last use before it is swept.
const STALE_WINDOWS = 10;

export interface RateLimit {
  /** At most this many removals per window (docs/protocol/authentication.md#rate-limiting). */
  limit: number;
  windowMs: number;
}

/** Where a bucket stands after one removal. */
export interface RateLimitSpend {
  allowed: boolean;
  /** Removals left in the current window (0 once refused). */
  remaining: number;
  /** When the current window ends and the budget starts over. */
  resetAt: Date;
}

/**
 * Takes one removal from `bucket`'s fixed window and answers whether it was allowed.
 *
 * Upstream's limiter (the `limiter` package) starts a window at the first removal after the
 * previous one ended and fails immediately once `limit` removals happened in it; this keeps
 * that in one upsert, so two API nodes counting at once serialize on the row and the limit
 * holds across the whole fleet. Refused attempts are counted too (harmless: the count only
 * decides "over or not" and resets with the window).
 */
export async function consumeRateLimit(
  db: Kysely<Database>,
  bucket: string,
  limit: RateLimit,
  now: Date = new Date(),
): Promise<boolean> {
  return (await spendRateLimit(db, bucket, limit, now)).allowed;
}

/** consumeRateLimit, also telling what is left and when the window ends (RateLimit-* headers). */
export async function spendRateLimit(
  db: Kysely<Database>,
  bucket: string,
  { limit, windowMs }: RateLimit,
  now: Date = new Date(),
): Promise<RateLimitSpend> {
  const windowEndedBefore = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ bucket, window_start: now, used: 1 })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        window_start: sql<Date>`CASE WHEN rate_limit_windows.window_start <= ${windowEndedBefore}
          THEN excluded.window_start ELSE rate_limit_windows.window_start END`,
        used: sql<number>`CASE WHEN rate_limit_windows.window_start <= ${windowEndedBefore}
          THEN 1 ELSE rate_limit_windows.used + 1 END`,
      }),
    )
    .returning(['used', 'window_start'])
    .executeTakeFirstOrThrow();
  // Buckets keyed by attempted usernames are unbounded in number; each new window sweeps
  // the ones that ended long ago, so the table holds only recent attempts.
  if (row.used === 1) {
    await db
      .deleteFrom('rate_limit_windows')
      .where('window_start', '<', new Date(now.getTime() - windowMs * STALE_WINDOWS))
      .execute();
  }
  return {
    allowed: row.used <= limit,
    remaining: Math.max(0, limit - row.used),
    resetAt: new Date(new Date(row.window_start).getTime() + windowMs),
  };
}

/**
 * Gives back one removal taken from `bucket`'s current window, for an attempt that turned out
 * not to count (a successful login against a budget of failures). Never below zero; a window
 * that ended meanwhile starts over anyway.
 */
export async function releaseRateLimit(db: Kysely<Database>, bucket: string): Promise<void> {
  await db
    .updateTable('rate_limit_windows')
    .set((eb) => ({ used: eb('used', '-', 1) }))
    .where('bucket', '=', bucket)
    .where('used', '>', 0)
    .execute();
}
