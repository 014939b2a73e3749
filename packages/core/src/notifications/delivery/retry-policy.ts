export interface RetryPolicy {
  /** Delay after the first failed attempt; each further failure doubles it. */
  baseDelayMs: number;
  /** Longest single delay, so a long outage still sees regular attempts. */
  maxDelayMs: number;
  /** A delivery still failing this long after it was created is given up. */
  giveUpAfterMs: number;
}

/**
 * Issue 6: retries with exponential backoff for at least 30 minutes: 10 s, 20 s, 40 s, …
 * capped at 5 min between attempts, given up after the attempt that falls past 30 min.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 300_000,
  giveUpAfterMs: 30 * 60_000,
};

/**
 * When to try again after failed attempt number `attempts` (1-based), or null to give up:
 * the next attempt is kept while it falls inside the give-up window, and the last one is
 * placed at the window's end so the window is always used in full.
 */
export function nextAttemptAfterFailure(
  policy: RetryPolicy,
  attempts: number,
  createdAt: Date,
  now: Date,
): Date | null {
  const deadline = createdAt.getTime() + policy.giveUpAfterMs;
  if (now.getTime() >= deadline) return null;
  const delay = Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs);
  return new Date(Math.min(now.getTime() + delay, deadline));
}
