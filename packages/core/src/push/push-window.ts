import { DOWN, UP, type MonitorStatus } from '../monitors/monitor-status.js';
import type { CheckOutcome } from '../monitors/state-machine.js';

/** Upstream's allowance for clock differences between the pusher and the server (docs/protocol/monitoring.md#push-monitors). */
export const PUSH_WINDOW_GRACE_MS = 1_000;

// When the window is still open the next evaluation goes to its end. Processes' clocks differ
// by a few ms, so a job claimed "at the end" can run just before it by the worker's clock;
// the floor turns what would be a burst of re-evaluations into one more a moment later.
const MIN_RECHECK_DELAY_MS = 250;

/** Upstream's msg for a missed push window (docs/protocol/monitoring.md#push-monitors). */
export const NO_HEARTBEAT_MSG = 'No heartbeat in the time window';

/**
 * What a missed window is to the state machine: an ordinary failed check, so it takes the
 * retry path (PENDING, then DOWN) and, in upside-down mode, becomes UP with this msg, as
 * upstream's beat does (there, no push for a while is the good news).
 */
export const MISSED_PUSH_OUTCOME: Readonly<CheckOutcome> = {
  kind: 'down',
  msg: NO_HEARTBEAT_MSG,
  pingMs: null,
};

export interface PushWindowState {
  /** Status of the monitor's latest beat; null = none yet. */
  status: MonitorStatus | null;
  lastBeatAt: Date | null;
  /**
   * True for the first evaluation after the monitor was added, resumed or edited (no check
   * has chosen a next due time since): upstream's first evaluation waits one interval.
   */
  justStarted: boolean;
}

export interface PushWindowSettings {
  /** Seconds of silence allowed between pushes. */
  interval: number;
  upsideDown: boolean;
}

export type PushWindowDecision =
  /** The latest push still covers the monitor: store nothing, look again at `until`. */
  | { kind: 'wait'; until: Date }
  /** No fitting push in time: a failed check ("No heartbeat in the time window"). */
  | { kind: 'missed' };

/** When a push at `pushedAt` stops covering its monitor. */
export function pushWindowEnd(pushedAt: Date, intervalSec: number): Date {
  return new Date(pushedAt.getTime() + intervalSec * 1000 + PUSH_WINDOW_GRACE_MS);
}

/**
 * A push monitor's scheduled check (docs/protocol/monitoring.md#push-monitors): it calls nothing and only looks at the latest
 * beat, which must be UP (DOWN in upside-down mode) and younger than interval + 1 s.
 */
export function evaluatePushWindow(
  state: PushWindowState,
  settings: PushWindowSettings,
  now: Date,
): PushWindowDecision {
  if (state.justStarted) {
    return { kind: 'wait', until: new Date(now.getTime() + settings.interval * 1000) };
  }
  const expected = settings.upsideDown ? DOWN : UP;
  if (state.lastBeatAt === null || state.status !== expected) return { kind: 'missed' };
  const end = pushWindowEnd(state.lastBeatAt, settings.interval).getTime();
  if (now.getTime() >= end) return { kind: 'missed' };
  return { kind: 'wait', until: new Date(Math.max(end, now.getTime() + MIN_RECHECK_DELAY_MS)) };
}
