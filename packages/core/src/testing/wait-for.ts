// Captured at import, so a test that fakes timers (vi.useFakeTimers) still waits in real time.
const realSetTimeout = globalThis.setTimeout;
const realNow = Date.now;

export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between two probes (default 20 ms). */
  intervalMs?: number;
  /** Names the awaited condition in the timeout error. */
  what?: string;
}

/**
 * The one way tests wait for something to happen: calls `probe` until it neither throws nor
 * returns `false`, and answers what it returned. A probe says "not yet" with an `expect`
 * that fails or with `false`; on timeout the last failure is the error's cause, so the
 * message shows what was still wrong.
 *
 *   await waitFor(() => expect(beats).toHaveLength(2));
 *   const beat = await waitFor(async () => (await findBeats())[0] ?? false);
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20, what = 'condition' }: WaitForOptions = {},
): Promise<Exclude<T, false>> {
  const deadline = realNow() + timeoutMs;
  for (;;) {
    let failure: unknown = null;
    try {
      const value = await probe();
      if (value !== false) return value as Exclude<T, false>;
    } catch (error) {
      failure = error;
    }
    if (realNow() >= deadline) {
      const reason = failure instanceof Error ? `: ${failure.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`, {
        cause: failure ?? undefined,
      });
    }
    await new Promise((resolve) => realSetTimeout(resolve, intervalMs));
  }
}

/**
 * Lets real time pass when a test asserts that something does *not* happen, or exercises a
 * real deadline. Never use it to wait for something to happen: that is `waitFor`.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}
