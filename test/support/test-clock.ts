export interface TestClock {
  now(): number;
  /** Moves the clock forward: intervals pass without waiting for them. */
  advance(ms: number): void;
}

/** A clock the roles read instead of `Date.now`, moved by hand (`now` option of the roles). */
export function createTestClock(start = Date.now()): TestClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}
