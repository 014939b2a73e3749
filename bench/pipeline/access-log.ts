// The check target's access log is the judge of when each check happened: one line per
// request, "<unix seconds with milliseconds> <request uri> <status>" (nginx's `$msec
// $request_uri $status`, or the Node fallback target writing the same). Each monitor checks
// its own path, /m/<n>, so consecutive lines of one path are consecutive checks of one monitor.

export interface CheckSeen {
  atMs: number;
  monitor: number;
}

const LINE = /^(\d+(?:\.\d+)?) \/m\/(\d+)\b/;

export function parseAccessLog(text: string): CheckSeen[] {
  const seen: CheckSeen[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match) seen.push({ atMs: Math.round(Number(match[1]) * 1000), monitor: Number(match[2]) });
  }
  return seen;
}

export interface ChecksInWindow {
  checks: number;
  checksPerSecond: number;
  expectedPerSecond: number;
  /** |gap between consecutive checks of one monitor − interval|, for gaps ending in the window. */
  intervalErrorMs: { p50: number; p99: number; max: number; gaps: number };
  /** Slots in which a monitor was not checked at all. */
  missedSlots: number;
  /** Monitors that missed at least one slot. */
  monitorsMissing: number;
  /** Monitors never checked in the window. */
  monitorsSilent: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Checks of monitors 1..monitors seen in [fromMs, toMs). A gap of g intervals counts
 * round(g) − 1 missed slots (a check up to half an interval late is not a miss); the silence
 * from a monitor's last check to the window's end counts the same way.
 */
export function analyseChecks(
  seen: readonly CheckSeen[],
  window: { fromMs: number; toMs: number; intervalMs: number; monitors: number },
): ChecksInWindow {
  const { fromMs, toMs, intervalMs, monitors } = window;
  const times = new Map<number, number[]>();
  for (const { atMs, monitor } of seen) {
    if (atMs >= toMs || monitor < 1 || monitor > monitors) continue;
    let list = times.get(monitor);
    if (!list) times.set(monitor, (list = []));
    list.push(atMs);
  }
  const slotsIn = (gapMs: number) => Math.max(0, Math.round(gapMs / intervalMs) - 1);
  const errors: number[] = [];
  let checks = 0;
  let missedSlots = 0;
  let monitorsMissing = 0;
  let monitorsSilent = 0;
  for (let monitor = 1; monitor <= monitors; monitor++) {
    const list = (times.get(monitor) ?? []).sort((a, b) => a - b);
    let missed = 0;
    let inWindow = 0;
    for (let i = 0; i < list.length; i++) {
      const at = list[i]!;
      if (at < fromMs) continue;
      inWindow++;
      if (i === 0) continue;
      const gap = at - list[i - 1]!;
      errors.push(Math.abs(gap - intervalMs));
      missed += slotsIn(gap);
    }
    const last = list.at(-1);
    if (last === undefined || inWindow === 0) monitorsSilent++;
    // The silence up to the window's end counts as a gap to a check at its very end.
    missed += slotsIn(toMs - Math.max(last ?? -Infinity, fromMs - intervalMs));
    checks += inWindow;
    missedSlots += missed;
    if (missed > 0) monitorsMissing++;
  }
  errors.sort((a, b) => a - b);
  const seconds = (toMs - fromMs) / 1000;
  return {
    checks,
    checksPerSecond: checks / seconds,
    expectedPerSecond: monitors / (intervalMs / 1000),
    intervalErrorMs: {
      p50: percentile(errors, 50),
      p99: percentile(errors, 99),
      max: percentile(errors, 100),
      gaps: errors.length,
    },
    missedSlots,
    monitorsMissing,
    monitorsSilent,
  };
}
