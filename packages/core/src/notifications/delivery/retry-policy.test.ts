import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAfterFailure } from './retry-policy.js';

const created = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(created.getTime() + ms);

describe('nextAttemptAfterFailure', () => {
  it('doubles the delay from 10 s and caps it at 5 minutes', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map(
      (n) =>
        (nextAttemptAfterFailure(DEFAULT_RETRY_POLICY, n, created, created)?.getTime() ?? 0) -
        created.getTime(),
    );
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('keeps trying for the whole 30 minutes, with a last attempt at the end', () => {
    let now = created;
    let attempts = 0;
    const times: number[] = [];
    for (;;) {
      attempts++;
      const next = nextAttemptAfterFailure(DEFAULT_RETRY_POLICY, attempts, created, now);
      if (!next) break;
      times.push(next.getTime() - created.getTime());
      now = next;
    }
    expect(times.at(-1)).toBe(30 * 60_000);
    expect(attempts).toBe(times.length + 1);
    expect(attempts).toBeGreaterThanOrEqual(10);
  });

  it('gives up once the window has passed', () => {
    expect(nextAttemptAfterFailure(DEFAULT_RETRY_POLICY, 3, created, at(30 * 60_000))).toBeNull();
  });
});
