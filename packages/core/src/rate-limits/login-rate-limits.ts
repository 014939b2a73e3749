import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { clientAddressKey } from './client-address.js';
import { consumeRateLimit, releaseRateLimit, type RateLimit } from './rate-limit-repository.js';

/**
 * docs/protocol/authentication.md#rate-limiting, with buckets chosen for a multi-tenant service. Upstream has one process-wide
 * bucket per limiter; here every API node shares each bucket through the database (so the
 * limits hold however many nodes run), but a bucket belongs to one username, one client
 * address or one user:
 * a global bucket would let anyone hammering one tenant's login lock every other tenant out,
 * and a per-tenant one would tell an attacker which usernames share a tenant.
 */
export const TOO_FREQUENT_MSG = 'Too frequently, try again later.';

const WINDOW_MS = 60_000;

/**
 * `login`, per attempted username: 20 failed attempts a minute, Kuma's number. Only failures
 * count, so a client that logs in again and again (a test suite's set-up) is never refused.
 */
export const LOGIN_FAILURE_RATE_LIMIT: RateLimit = { limit: 20, windowMs: WINDOW_MS };

/** `login`, per client address: failures over every username, against password spraying. */
export const ADDRESS_FAILURE_RATE_LIMIT: RateLimit = { limit: 60, windowMs: WINDOW_MS };

/**
 * `login`, per client address: attempts of any kind. Each costs a bcrypt round (tens of
 * milliseconds of a thread-pool CPU), so one address may not make an API node hash without
 * end even with right passwords.
 */
export const ADDRESS_ATTEMPT_RATE_LIMIT: RateLimit = { limit: 200, windowMs: WINDOW_MS };

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

function addressBucket(kind: 'attempts' | 'failures', clientAddress: string): string {
  const key = createHash('sha256').update(clientAddressKey(clientAddress), 'utf8').digest('hex');
  return `login-${kind}:${key.slice(0, 32)}`;
}

/** What a login attempt holds of the failure budgets until it is known to have succeeded. */
export interface LoginAttempt {
  /** The credentials were right: the failure budgets get their share back. */
  succeeded(): Promise<void>;
}

/**
 * Counts one `login` attempt (docs/protocol/authentication.md#rate-limiting step 2) before any password is checked: against the
 * address's attempts, and provisionally against the failures of the username and of the
 * address. Taking the failure first and giving it back on success keeps the limit exact when
 * attempts race on several nodes. Throws once a budget of this minute is spent.
 */
export async function startLoginAttempt(
  db: Kysely<Database>,
  attemptedUsername: unknown,
  clientAddress: string,
): Promise<LoginAttempt> {
  const failureBuckets: [string, RateLimit][] = [
    [loginBucket(attemptedUsername), LOGIN_FAILURE_RATE_LIMIT],
    [addressBucket('failures', clientAddress), ADDRESS_FAILURE_RATE_LIMIT],
  ];
  const spent: [string, RateLimit][] = [
    [addressBucket('attempts', clientAddress), ADDRESS_ATTEMPT_RATE_LIMIT],
    ...failureBuckets,
  ];
  for (const [bucket, limit] of spent) {
    if (!(await consumeRateLimit(db, bucket, limit))) {
      throw new AppError('rate-limited', TOO_FREQUENT_MSG);
    }
  }
  return {
    async succeeded() {
      for (const [bucket] of failureBuckets) await releaseRateLimit(db, bucket);
    },
  };
}

/** Spends one account attempt of the user; throws once this minute's are used up. */
export async function spendAccountAttempt(db: Kysely<Database>, userId: number): Promise<void> {
  if (!(await consumeRateLimit(db, accountBucket(userId), ACCOUNT_RATE_LIMIT))) {
    throw new AppError('rate-limited', TOO_FREQUENT_MSG);
  }
}
