import { describe, expect, it } from 'vitest';
import { analyseChecks, parseAccessLog } from '../bench/pipeline/access-log.js';

// The pipeline benchmark's judge of when checks happened (bench/pipeline.ts): its arithmetic,
// on a log written by hand.
const line = (seconds: number, monitor: number) => `${seconds.toFixed(3)} /m/${monitor} 200`;

describe('parseAccessLog', () => {
  it("reads nginx's `$msec $request_uri $status` lines of monitor paths only", () => {
    const text = ['1700000000.123 /m/7 200', '1700000000.200 /ready 200', 'garbage', ''].join('\n');
    expect(parseAccessLog(text)).toEqual([{ atMs: 1_700_000_000_123, monitor: 7 }]);
  });
});

describe('analyseChecks', () => {
  const window = { fromMs: 100_000, toMs: 130_000, intervalMs: 10_000, monitors: 3 };

  it('measures gaps against the interval, counts missed slots and silent monitors', () => {
    const log = [
      // Monitor 1: within 50 ms of its interval; its check before the window opens the first gap.
      line(95, 1),
      line(105.05, 1),
      line(115.05, 1),
      line(125, 1),
      // Monitor 2: skips the slot at 112 s, then silent from 122 s to the end (0.8 interval).
      line(92, 2),
      line(102, 2),
      line(122, 2),
      // Monitor 3: never checked. A check after the window does not count.
      line(131, 3),
    ].join('\n');
    const result = analyseChecks(parseAccessLog(log), window);
    expect(result.checks).toBe(5);
    expect(result.checksPerSecond).toBeCloseTo(5 / 30);
    expect(result.expectedPerSecond).toBe(0.3);
    // Gaps: 10.05, 10, 9.95 s (monitor 1); 10, 20 s (monitor 2).
    expect(result.intervalErrorMs).toEqual({ p50: 50, p99: 10_000, max: 10_000, gaps: 5 });
    // Monitor 2 misses one slot; monitor 3 the three slots of the window.
    expect(result.missedSlots).toBe(4);
    expect(result.monitorsMissing).toBe(2);
    expect(result.monitorsSilent).toBe(1);
  });

  it('counts a monitor that stops mid-window as missing the slots after its last check', () => {
    const log = [line(101, 1), line(111, 1), line(101, 2), line(111, 2), line(121, 2)].join('\n');
    const result = analyseChecks(parseAccessLog(log), { ...window, monitors: 2 });
    // Monitor 1 is silent for 19 s before the end: its slot at 121 s was missed.
    expect(result.missedSlots).toBe(1);
    expect(result.monitorsMissing).toBe(1);
    expect(result.monitorsSilent).toBe(0);
  });
});
