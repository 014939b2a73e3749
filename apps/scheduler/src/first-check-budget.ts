/**
 * How many started monitors (added, edited, resumed) get their first check at once. Kuma
 * checks a started monitor immediately (docs/protocol/monitoring.md#scheduling-retries-and-resend);
 * a bulk import starts thousands in a second, and checking them all at once would fire them
 * together and then move each to its spread slot, stretching its first interval by up to one
 * interval. Past the budget a started monitor waits for its slot instead: its first check
 * comes within one interval, and every interval after it is exact.
 */
export interface FirstCheckBudget {
  /** True if this start may check at once; false: it goes to its slot. */
  take(): boolean;
}

/** A token bucket: up to `perSecond` immediate first checks a second, and as many in a burst. */
export function createFirstCheckBudget(perSecond: number, now: () => number): FirstCheckBudget {
  let tokens = perSecond;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(perSecond, tokens + ((at - refilledAt) / 1000) * perSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
