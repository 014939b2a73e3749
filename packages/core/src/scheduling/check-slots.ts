/**
 * Deterministic phase of a monitor inside its interval, so that 10,000 monitors with the
 * same interval spread evenly over it instead of firing together (a stable hash of the id,
 * not randomness: every scheduler replica and worker computes the same slots).
 */
export function slotPhaseMs(monitorId: number, intervalMs: number): number {
  // Knuth's multiplicative hash spreads consecutive ids far apart.
  const h = Math.imul(monitorId, 2654435761) >>> 0;
  return Math.floor((h / 2 ** 32) * intervalMs);
}

/** The first slot of the monitor's grid strictly after `afterMs`. */
export function nextSlotAfter(monitorId: number, intervalSec: number, afterMs: number): number {
  const intervalMs = intervalSec * 1000;
  const phase = slotPhaseMs(monitorId, intervalMs);
  const k = Math.floor((afterMs - phase) / intervalMs) + 1;
  return phase + k * intervalMs;
}

/**
 * When a monitor is due after a check that finished at `finishedAtMs`: the first grid slot at
 * least half an interval away. A check on its slot gets exactly one interval; an off-grid
 * check (the immediate first one, a catch-up after an outage) never gets a second check
 * right behind it.
 */
export function nextDueAfterCheck(
  monitorId: number,
  intervalSec: number,
  finishedAtMs: number,
): number {
  return nextSlotAfter(monitorId, intervalSec, finishedAtMs + (intervalSec * 1000) / 2);
}
