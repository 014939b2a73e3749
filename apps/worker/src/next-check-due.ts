import { nextDueAfterCheck, type Transition } from '@watchpost/core';

/**
 * When a monitor is due after a stored beat. Retries keep Kuma's spacing after the failed
 * check; everything else returns to the monitor's slot grid, which keeps monitors spread
 * over their interval.
 */
export function nextCheckDueAt(
  monitor: { id: number; interval: number },
  transition: Pick<Transition, 'retrying' | 'nextDelaySec'>,
  finishedAtMs: number,
): number {
  return transition.retrying
    ? finishedAtMs + transition.nextDelaySec * 1000
    : nextDueAfterCheck(monitor.id, monitor.interval, finishedAtMs);
}
