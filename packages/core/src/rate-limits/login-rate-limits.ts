import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { consumeRateLimit, type RateLimit } from './rate-limit-repository.js';

/**
 * docs/protocol/authentication.md#rate-limiting, with buckets chosen for a multi-tenant service. Upstream has one process-wide
 * bucket per limiter; here every API node shares each bucket through the database (so the
 * limits hold however many nodes run), but a bucket belongs to one username or one user:
 * a global bucket would let anyone hammering one tenant's login lock every other tenant out,
 * and a per-tenant one would tell an attacker which usernames share a tenant.
 */
export const TOO_FREQUENT_MSG = 'Too frequently, try again later.';

const WINDOW_MS = 60_000;

/** `login`: 20 attempts a minute, successful or not. */
export const LOGIN_RATE_LIMIT: RateLimit = { limit: 20, windowMs: WINDOW_MS };

/**
 * `prepare2FA`, `save2FA`, `disable2FA` (spec), and — beyond upstream — `verifyToken` and
 * `changePassword`: all of them test the current password, and without a limit a stolen
 * login token would allow guessing it at full speed.
 */
export const ACCOUNT_RATE_LIMIT: RateLimit = { limit: 30, windowMs: WINDOW_MS };

/**
 * The login bucket of an attempted username, whether or not it exists, so that being
 * limited says nothing about which usernames exist. Hashed because people type passwords
 * into the username field; anything that is not a plausible username shares one bucket.
 */
export function loginBucket(username: unknown): string {
  if (typeof username !== 'string') return 'login:malformed';
  return `login:${createHash('sha256').update(username, 'utf8').digest('hex').slice(0, 32)}`;
}

export function accountBucket(userId: number): string {
  return `account:${userId}`;
}

/** Spends one `login` attempt of `attemptedUsername`; throws once this minute's are used up. */
export async function spendLoginAttempt(
  db: Kysely<Database>,
  attemptedUsername: unknown,
): Promise<void> {
  if (!(await consumeRateLimit(db, loginBucket(attemptedUsername), LOGIN_RATE_LIMIT))) {
    throw new AppError('rate-limited', TOO_FREQUENT_MSG);
  }
}

/** Spends one account attempt of the user; throws once this minute's are used up. */
export async function spendAccountAttempt(db: Kysely<Database>, userId: number): Promise<void> {
  if (!(await consumeRateLimit(db, accountBucket(userId), ACCOUNT_RATE_LIMIT))) {
    throw new AppError('rate-limited', TOO_FREQUENT_MSG);
  }
}
