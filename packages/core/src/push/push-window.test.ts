import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP, type MonitorStatus } from '../monitors/monitor-status.js';
import { evaluatePushWindow, pushWindowEnd, type PushWindowState } from './push-window.js';

const T0 = new Date('2024-03-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const settings = { interval: 60, upsideDown: false };

function state(overrides: Partial<PushWindowState> = {}): PushWindowState {
  return { status: UP, lastBeatAt: T0, justStarted: false, ...overrides };
}

describe('pushWindowEnd', () => {
  it('is interval + 1 s after the push', () => {
    expect(pushWindowEnd(T0, 60)).toEqual(at(61_000));
  });
});

describe('evaluatePushWindow', () => {
  it('waits until the end of the window while the last UP push is recent', () => {
    expect(evaluatePushWindow(state(), settings, at(10_000))).toEqual({
      kind: 'wait',
      until: at(61_000),
    });
  });

  it('still waits one millisecond before the end of interval + 1 s', () => {
    expect(evaluatePushWindow(state(), settings, at(60_999)).kind).toBe('wait');
  });

  it('misses once interval + 1 s have passed', () => {
    expect(evaluatePushWindow(state(), settings, at(61_000))).toEqual({ kind: 'missed' });
    expect(evaluatePushWindow(state(), settings, at(3_600_000))).toEqual({ kind: 'missed' });
  });

  it('never schedules the next look less than a moment ahead', () => {
    // The end is 1 ms away: looking again right at it could run early on a clock that lags.
    const decision = evaluatePushWindow(state(), settings, at(60_999));
    expect(decision).toEqual({ kind: 'wait', until: at(60_999 + 250) });
  });

  it('misses when the latest beat is not UP, however recent', () => {
    for (const status of [DOWN, PENDING, MAINTENANCE] as MonitorStatus[]) {
      expect(evaluatePushWindow(state({ status }), settings, at(1000))).toEqual({
        kind: 'missed',
      });
    }
  });

  it('expects DOWN beats in upside-down mode', () => {
    const flipped = { interval: 60, upsideDown: true };
    expect(evaluatePushWindow(state({ status: DOWN }), flipped, at(1000)).kind).toBe('wait');
    expect(evaluatePushWindow(state({ status: UP }), flipped, at(1000)).kind).toBe('missed');
  });

  it('misses when the monitor never got a beat', () => {
    expect(
      evaluatePushWindow(state({ status: null, lastBeatAt: null }), settings, at(1000)),
    ).toEqual({ kind: 'missed' });
  });

  it('gives a just started monitor one interval before its first look (docs/protocol/monitoring.md#scheduling-retries-and-resend)', () => {
    const fresh = state({ status: null, lastBeatAt: null, justStarted: true });
    expect(evaluatePushWindow(fresh, settings, at(5000))).toEqual({
      kind: 'wait',
      until: at(65_000),
    });
    // Resumed after a long pause: the old beat does not count against it yet.
    const resumed = state({ status: UP, lastBeatAt: at(-86_400_000), justStarted: true });
    expect(evaluatePushWindow(resumed, settings, T0)).toEqual({ kind: 'wait', until: at(60_000) });
  });
});
