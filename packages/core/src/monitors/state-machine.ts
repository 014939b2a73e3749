import { DOWN, MAINTENANCE, PENDING, UP } from './monitor-status.js';
import type { MonitorStatus } from './monitor-status.js';

/**
 * What a monitor must remember between beats (docs/protocol/monitoring.md#distributed-state). Workers load it, call
 * `applyCheckOutcome`, and store `transition.state`; nothing else about the previous beat is
 * needed to produce the next one.
 */
export interface MonitorRuntimeState {
  /** Status of the last stored beat; null = no beat yet. */
  status: MonitorStatus | null;
  /** Retry counter (docs/protocol/monitoring.md#scheduling-retries-and-resend): consecutive PENDING beats since the last success. */
  retries: number;
  /** The heartbeat's `down_count` (docs/protocol/monitoring.md#scheduling-retries-and-resend resend counter). */
  downCount: number;
  lastBeatAt: Date | null;
}

export type CheckOutcome =
  | { kind: 'up' | 'down'; msg: string; pingMs: number | null }
  | { kind: 'maintenance' }
  /** A client called the push URL (docs/protocol/monitoring.md#push-monitors, docs/protocol/http.md#push-endpoint); `status` is the query's verdict. */
  | { kind: 'pushed'; status: 'up' | 'down'; msg: string; pingMs: number | null }
  /** A group's verdict from its children (docs/protocol/monitoring.md#group-monitors): a status to take, not a check that failed. */
  | { kind: 'group'; status: 'up' | 'down' | 'pending'; msg: string };

export interface StateMachineSettings {
  maxretries: number;
  /** Seconds between checks while PENDING; 0 = use `interval`. */
  retryInterval: number;
  /** Seconds between checks. */
  interval: number;
  /** Counted in beats; 0 = never resend. */
  resendInterval: number;
  upsideDown: boolean;
}

export interface BeatDecision {
  status: MonitorStatus;
  msg: string;
  pingMs: number | null;
  important: boolean;
  durationSec: number;
  downCount: number;
  time: Date;
}

export interface Transition {
  beat: BeatDecision;
  /** The state to store after this beat. */
  state: MonitorRuntimeState;
  /** Call notification providers (important-for-notification OR resend). */
  notify: boolean;
  /** This notify is a resend of DOWN. */
  resend: boolean;
  /** `retryInterval` when the new beat is PENDING and retryInterval > 0, else `interval`. */
  nextDelaySec: number;
  /** True when the new beat is PENDING. */
  retrying: boolean;
}

/** A monitor that was just started, resumed, edited while active, or restarted (docs/protocol/monitoring.md#scheduling-retries-and-resend). */
export const INITIAL_STATE: MonitorRuntimeState = Object.freeze({
  status: null,
  retries: 0,
  downCount: 0,
  lastBeatAt: null,
});

const MAINTENANCE_MSG = 'Monitor under maintenance';
const FLIPPED_UP_MSG = 'Flip UP to DOWN';

/**
 * Turns one check outcome into the beat to store and what to do next (architecture rule 4,
 * docs/protocol/monitoring.md#scheduling-retries-and-resend–docs/protocol/monitoring.md#upside-down-mode). Pure: the caller supplies `now` and does all I/O.
 */
export function applyCheckOutcome(
  prev: MonitorRuntimeState,
  outcome: CheckOutcome,
  settings: StateMachineSettings,
  now: Date,
): Transition {
  const { status, msg, pingMs, retries } = decideStatus(prev.retries, outcome, settings);

  const important = isImportantBeat(prev.status, status);
  let notify = important && isImportantForNotification(prev.status, status);
  let resend = false;
  let downCount = prev.downCount;
  if (important) {
    downCount = 0;
  } else if (status === DOWN && settings.resendInterval > 0) {
    downCount += 1;
    // `>=` rather than `===`: an edit can lower resendInterval below a counter that is
    // already running, and the resend must still fire instead of never matching again.
    if (downCount >= settings.resendInterval) {
      notify = true;
      resend = true;
      downCount = 0;
    }
  }

  const retrying = status === PENDING;
  return {
    beat: {
      status,
      msg,
      pingMs,
      important,
      durationSec: secondsSince(prev.lastBeatAt, now),
      downCount,
      time: now,
    },
    state: { status, retries, downCount, lastBeatAt: now },
    notify,
    resend,
    nextDelaySec:
      retrying && settings.retryInterval > 0 ? settings.retryInterval : settings.interval,
    retrying,
  };
}

interface StatusDecision {
  status: MonitorStatus;
  msg: string;
  pingMs: number | null;
  retries: number;
}

function decideStatus(
  retries: number,
  outcome: CheckOutcome,
  settings: StateMachineSettings,
): StatusDecision {
  switch (outcome.kind) {
    case 'maintenance':
      // docs/protocol/monitoring.md#scheduling-retries-and-resend step 3: no check ran, so the retry counter neither advances nor resets.
      return { status: MAINTENANCE, msg: MAINTENANCE_MSG, pingMs: null, retries };
    case 'up':
      if (settings.upsideDown) {
        // docs/protocol/monitoring.md#upside-down-mode: a flipped success is an ordinary failure, PENDING first when retries are set.
        return failed(retries, FLIPPED_UP_MSG, outcome.pingMs, settings.maxretries);
      }
      return { status: UP, msg: outcome.msg, pingMs: outcome.pingMs, retries: 0 };
    case 'down':
      if (settings.upsideDown) {
        // docs/protocol/monitoring.md#upside-down-mode: the error text stays as the msg of the resulting UP beat.
        return { status: UP, msg: outcome.msg, pingMs: outcome.pingMs, retries: 0 };
      }
      return failed(retries, outcome.msg, outcome.pingMs, settings.maxretries);
    case 'pushed':
      return decidePushedStatus(retries, outcome, settings);
    case 'group':
      return decideGroupStatus(retries, outcome, settings);
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown check outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * docs/protocol/monitoring.md#push-monitors: the push is the verdict, so this path has no PENDING. Upside-down flips the
 * status but keeps the pusher's msg (no "Flip UP to DOWN", as upstream).
 */
function decidePushedStatus(
  retries: number,
  outcome: Extract<CheckOutcome, { kind: 'pushed' }>,
  settings: StateMachineSettings,
): StatusDecision {
  const { msg, pingMs } = outcome;
  if ((outcome.status === 'up') !== settings.upsideDown) {
    // Resets the counter as upstream's loop does once it sees the fresh UP beat: the next
    // missed window starts over with PENDING.
    return { status: UP, msg, pingMs, retries: 0 };
  }
  // A pushed DOWN has used up the retries: when the pushes then stop, the window check adds
  // DOWN beats, not a PENDING that would turn into a second DOWN notification for one outage
  // (upstream's in-memory counter does produce DOWN → PENDING → DOWN there).
  return { status: DOWN, msg, pingMs, retries: Math.max(retries, settings.maxretries) };
}

/**
 * docs/protocol/monitoring.md#group-monitors as upstream runs it: the children's status is taken as is (a DOWN group skips
 * PENDING and resets the counter). Upside-down flips UP and DOWN; a flipped UP becomes an
 * ordinary failure with retries, as for any other check (docs/protocol/monitoring.md#upside-down-mode).
 */
function decideGroupStatus(
  retries: number,
  outcome: Extract<CheckOutcome, { kind: 'group' }>,
  settings: StateMachineSettings,
): StatusDecision {
  const { msg } = outcome;
  switch (outcome.status) {
    case 'pending':
      return { status: PENDING, msg, pingMs: null, retries: 0 };
    case 'up':
      if (settings.upsideDown) return failed(retries, FLIPPED_UP_MSG, null, settings.maxretries);
      return { status: UP, msg, pingMs: null, retries: 0 };
    case 'down':
      return { status: settings.upsideDown ? UP : DOWN, msg, pingMs: null, retries: 0 };
    default: {
      const unreachable: never = outcome.status;
      throw new Error(`unknown group status ${String(unreachable)}`);
    }
  }
}

function failed(
  retries: number,
  msg: string,
  pingMs: number | null,
  maxretries: number,
): StatusDecision {
  if (maxretries > 0 && retries < maxretries) {
    return { status: PENDING, msg, pingMs, retries: retries + 1 };
  }
  return { status: DOWN, msg, pingMs, retries };
}

function secondsSince(previous: Date | null, now: Date): number {
  if (previous === null) return 0;
  // Clamped because a clock step backwards between two beats would otherwise store a
  // negative duration, which the docs/protocol/monitoring.md#uptime uptime sums would subtract.
  return Math.max(0, Math.floor((now.getTime() - previous.getTime()) / 1000));
}

/** The `important` column of the docs/protocol/monitoring.md#important-beats-and-notifications table: worth an entry in the event list. */
export function isImportantBeat(previous: MonitorStatus | null, current: MonitorStatus): boolean {
  if (previous === null) return true;
  switch (current) {
    case UP:
      return previous === DOWN || previous === MAINTENANCE;
    case DOWN:
      return previous === UP || previous === PENDING || previous === MAINTENANCE;
    case MAINTENANCE:
      return previous === UP || previous === DOWN;
    case PENDING:
      return false;
    default: {
      const unreachable: never = current;
      throw new Error(`unknown monitor status ${String(unreachable)}`);
    }
  }
}

/**
 * The notifications column of the docs/protocol/monitoring.md#important-beats-and-notifications table. Upstream answers true for every first beat and
 * filters to DOWN later in `sendNotification`; both halves live here so callers need one call.
 */
export function isImportantForNotification(
  previous: MonitorStatus | null,
  current: MonitorStatus,
): boolean {
  if (previous === null) return current === DOWN;
  switch (current) {
    case UP:
      // MAINTENANCE → UP is important for the event list but deliberately silent.
      return previous === DOWN;
    case DOWN:
      return previous === UP || previous === PENDING || previous === MAINTENANCE;
    case PENDING:
    case MAINTENANCE:
      return false;
    default: {
      const unreachable: never = current;
      throw new Error(`unknown monitor status ${String(unreachable)}`);
    }
  }
}
