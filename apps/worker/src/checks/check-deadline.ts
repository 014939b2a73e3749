import type { HttpCheckSettings } from '@watchpost/core';

// setTimeout fires immediately for larger delays, which would turn a huge configured timeout
// into an instant failure.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Request timeout of docs/protocol/monitoring.md#scheduling-retries-and-resend: `timeout` seconds, or 80 % of `interval` when it is ≤ 0. */
export function resolveTimeoutMs(
  settings: Pick<HttpCheckSettings, 'timeout' | 'interval'>,
): number {
  const seconds = settings.timeout > 0 ? settings.timeout : settings.interval * 0.8;
  return Math.min(Math.max(1, Math.round(seconds * 1000)), MAX_TIMER_MS);
}

export interface Deadline {
  signal: AbortSignal;
  readonly timedOut: boolean;
  clear(): void;
}

/**
 * Aborts at the check's timeout or when the caller's signal fires. A listener removed in
 * `clear()` is used instead of AbortSignal.any, which on Node 20 keeps every combined signal
 * alive for as long as the long-lived worker signal lives.
 */
export function startDeadline(timeoutMs: number, outer: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const state = { timedOut: false };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new Error(`timeout of ${timeoutMs}ms exceeded`));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return state.timedOut;
    },
    clear(): void {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** The connector enforces the check's timeout too; its expiry must read like the deadline's. */
export function isConnectTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}
