import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP } from './monitor-status.js';
import type { MonitorStatus } from './monitor-status.js';
import {
  INITIAL_STATE,
  applyCheckOutcome,
  isImportantBeat,
  isImportantForNotification,
} from './state-machine.js';
import type {
  CheckOutcome,
  MonitorRuntimeState,
  StateMachineSettings,
  Transition,
} from './state-machine.js';

const T0 = new Date('2024-03-01T12:00:00.000Z');

function at(offsetMs: number): Date {
  return new Date(T0.getTime() + offsetMs);
}

function makeSettings(overrides: Partial<StateMachineSettings> = {}): StateMachineSettings {
  return {
    maxretries: 0,
    retryInterval: 0,
    interval: 60,
    resendInterval: 0,
    upsideDown: false,
    ...overrides,
  };
}

function makeState(overrides: Partial<MonitorRuntimeState> = {}): MonitorRuntimeState {
  return { ...INITIAL_STATE, lastBeatAt: T0, ...overrides };
}

const up = (msg = '200 - OK', pingMs: number | null = 12): CheckOutcome => ({
  kind: 'up',
  msg,
  pingMs,
});
const down = (msg = 'connect ECONNREFUSED 127.0.0.1:80'): CheckOutcome => ({
  kind: 'down',
  msg,
  pingMs: null,
});
const maintenance: CheckOutcome = { kind: 'maintenance' };

/** Feeds outcomes one after another, 1 s apart, starting from `start`. */
function run(
  outcomes: readonly CheckOutcome[],
  settings: StateMachineSettings,
  start: MonitorRuntimeState = INITIAL_STATE,
): Transition[] {
  const transitions: Transition[] = [];
  let state = start;
  outcomes.forEach((outcome, i) => {
    const transition = applyCheckOutcome(state, outcome, settings, at((i + 1) * 1000));
    transitions.push(transition);
    state = transition.state;
  });
  return transitions;
}

const NAMES: Record<MonitorStatus, string> = {
  [DOWN]: 'DOWN',
  [UP]: 'UP',
  [PENDING]: 'PENDING',
  [MAINTENANCE]: 'MAINTENANCE',
};
const ALL_STATUSES: readonly MonitorStatus[] = [DOWN, UP, PENDING, MAINTENANCE];

// docs/protocol/monitoring.md#important-beats-and-notifications, one line per (previous, current) pair; `null` = first beat ever.
const IMPORTANCE_TABLE: ReadonlyArray<
  readonly [
    previous: MonitorStatus | null,
    current: MonitorStatus,
    important: boolean,
    notify: boolean,
  ]
> = [
  [null, DOWN, true, true],
  [null, UP, true, false],
  [null, PENDING, true, false],
  [null, MAINTENANCE, true, false],
  [UP, DOWN, true, true],
  [PENDING, DOWN, true, true],
  [DOWN, UP, true, true],
  [MAINTENANCE, DOWN, true, true],
  [MAINTENANCE, UP, true, false],
  [UP, MAINTENANCE, true, false],
  [DOWN, MAINTENANCE, true, false],
  [UP, PENDING, false, false],
  [PENDING, UP, false, false],
  [PENDING, MAINTENANCE, false, false],
  [MAINTENANCE, PENDING, false, false],
  [DOWN, PENDING, false, false],
  [UP, UP, false, false],
  [DOWN, DOWN, false, false],
  [PENDING, PENDING, false, false],
  [MAINTENANCE, MAINTENANCE, false, false],
];

/** Settings and an outcome that make `applyCheckOutcome` produce `current`. */
function produce(current: MonitorStatus): {
  outcome: CheckOutcome;
  settings: StateMachineSettings;
} {
  switch (current) {
    case UP:
      return { outcome: up(), settings: makeSettings() };
    case DOWN:
      return { outcome: down(), settings: makeSettings() };
    case PENDING:
      return { outcome: down(), settings: makeSettings({ maxretries: 3 }) };
    case MAINTENANCE:
      return { outcome: maintenance, settings: makeSettings() };
    default: {
      const unreachable: never = current;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
}

describe('docs/protocol/monitoring.md#important-beats-and-notifications importance table', () => {
  it('lists every (previous, current) pair exactly once', () => {
    const keys = IMPORTANCE_TABLE.map(([previous, current]) => `${previous}->${current}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength((ALL_STATUSES.length + 1) * ALL_STATUSES.length);
  });

  for (const [previous, current, important, notify] of IMPORTANCE_TABLE) {
    const label = `${previous === null ? 'first beat' : NAMES[previous]} → ${NAMES[current]}`;

    it(`${label}: important=${important}, notifications=${notify}`, () => {
      expect(isImportantBeat(previous, current)).toBe(important);
      expect(isImportantForNotification(previous, current)).toBe(notify);
    });

    it(`${label}: applyCheckOutcome stores important=${important} and notify=${notify}`, () => {
      const { outcome, settings } = produce(current);
      const prev = previous === null ? INITIAL_STATE : makeState({ status: previous });
      const t = applyCheckOutcome(prev, outcome, settings, at(5000));
      expect(t.beat.status).toBe(current);
      expect(t.beat.important).toBe(important);
      expect(t.notify).toBe(notify);
      expect(t.resend).toBe(false);
    });
  }
});

describe('applyCheckOutcome: basic beats', () => {
  it('stores an UP beat with the check message and ping, resetting retries', () => {
    const t = applyCheckOutcome(
      makeState({ status: PENDING, retries: 2 }),
      up('200 - OK', 42),
      makeSettings({ maxretries: 3 }),
      at(1000),
    );
    expect(t.beat).toEqual({
      status: UP,
      msg: '200 - OK',
      pingMs: 42,
      important: false,
      durationSec: 1,
      downCount: 0,
      time: at(1000),
    });
    expect(t.state).toEqual({ status: UP, retries: 0, downCount: 0, lastBeatAt: at(1000) });
    expect(t.retrying).toBe(false);
    expect(t.nextDelaySec).toBe(60);
  });

  it('marks the very first beat important and notifies only when it is DOWN', () => {
    const first = applyCheckOutcome(INITIAL_STATE, down('boom'), makeSettings(), T0);
    expect(first.beat).toMatchObject({
      status: DOWN,
      msg: 'boom',
      important: true,
      durationSec: 0,
    });
    expect(first.notify).toBe(true);

    const firstUp = applyCheckOutcome(INITIAL_STATE, up(), makeSettings(), T0);
    expect(firstUp.beat.important).toBe(true);
    expect(firstUp.notify).toBe(false);
  });

  it('does not mutate the previous state', () => {
    const prev = makeState({ status: UP, retries: 1, downCount: 2 });
    const copy = { ...prev };
    applyCheckOutcome(prev, down(), makeSettings({ maxretries: 5 }), at(1000));
    expect(prev).toEqual(copy);
  });
});

describe('applyCheckOutcome: retries (docs/protocol/monitoring.md#scheduling-retries-and-resend)', () => {
  it('marks the monitor DOWN after maxretries PENDING beats', () => {
    const transitions = run(
      [down(), down(), down(), down()],
      makeSettings({ maxretries: 3, retryInterval: 20 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, PENDING, PENDING, DOWN]);
    expect(transitions.map((t) => t.state.retries)).toEqual([1, 2, 3, 3]);
    expect(transitions.map((t) => t.retrying)).toEqual([true, true, true, false]);
  });

  it('spaces PENDING checks by retryInterval and DOWN checks by interval', () => {
    const transitions = run(
      [down(), down(), down(), down(), down()],
      makeSettings({ maxretries: 2, retryInterval: 20, interval: 60 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, PENDING, DOWN, DOWN, DOWN]);
    expect(transitions.map((t) => t.nextDelaySec)).toEqual([20, 20, 60, 60, 60]);
  });

  it('keeps further failures DOWN without touching the retry counter', () => {
    const transitions = run(
      [down(), down(), down()],
      makeSettings({ maxretries: 1 }),
      makeState({ status: DOWN, retries: 1 }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([DOWN, DOWN, DOWN]);
    expect(transitions.map((t) => t.state.retries)).toEqual([1, 1, 1]);
  });

  it('falls back to interval for PENDING when retryInterval is 0', () => {
    const t = applyCheckOutcome(
      makeState({ status: UP }),
      down(),
      makeSettings({ maxretries: 2, retryInterval: 0, interval: 45 }),
      at(1000),
    );
    expect(t.beat.status).toBe(PENDING);
    expect(t.retrying).toBe(true);
    expect(t.nextDelaySec).toBe(45);
  });

  it('goes straight to DOWN when maxretries is 0', () => {
    const t = applyCheckOutcome(
      makeState({ status: UP }),
      down(),
      makeSettings({ maxretries: 0, retryInterval: 20 }),
      at(1000),
    );
    expect(t.beat.status).toBe(DOWN);
    expect(t.state.retries).toBe(0);
    expect(t.nextDelaySec).toBe(60);
  });

  it('resets the retry counter on success so the next failure is PENDING again', () => {
    const transitions = run(
      [down(), down(), up(), down()],
      makeSettings({ maxretries: 2 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, PENDING, UP, PENDING]);
    expect(transitions.map((t) => t.state.retries)).toEqual([1, 2, 0, 1]);
  });

  it('notifies once on PENDING → DOWN and not while PENDING', () => {
    const transitions = run(
      [down(), down(), down()],
      makeSettings({ maxretries: 2 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.notify)).toEqual([false, false, true]);
    expect(transitions.map((t) => t.beat.important)).toEqual([false, false, true]);
  });
});

describe('applyCheckOutcome: resend (docs/protocol/monitoring.md#scheduling-retries-and-resend)', () => {
  it('re-sends the DOWN notification every resendInterval non-important DOWN beats', () => {
    const transitions = run(
      [down(), down(), down(), down(), down(), down(), down()],
      makeSettings({ resendInterval: 3 }),
      makeState({ status: UP }),
    );
    // The first beat is UP → DOWN (important, notified); the counter only starts after it.
    expect(transitions.map((t) => t.beat.downCount)).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(transitions.map((t) => t.notify)).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(transitions.map((t) => t.resend)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(transitions.map((t) => t.state.downCount)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('re-sends on every DOWN beat when resendInterval is 1', () => {
    const transitions = run(
      [down(), down()],
      makeSettings({ resendInterval: 1 }),
      makeState({ status: DOWN }),
    );
    expect(transitions.map((t) => [t.notify, t.resend, t.beat.downCount])).toEqual([
      [true, true, 0],
      [true, true, 0],
    ]);
  });

  it('never re-sends when resendInterval is 0 and leaves down_count alone', () => {
    const transitions = run(
      [down(), down(), down()],
      makeSettings({ resendInterval: 0 }),
      makeState({ status: DOWN, downCount: 4 }),
    );
    expect(transitions.map((t) => t.notify)).toEqual([false, false, false]);
    expect(transitions.map((t) => t.beat.downCount)).toEqual([4, 4, 4]);
  });

  it('resets down_count on an important beat', () => {
    const t = applyCheckOutcome(
      makeState({ status: DOWN, downCount: 2 }),
      up(),
      makeSettings({ resendInterval: 5 }),
      at(1000),
    );
    expect(t.beat.important).toBe(true);
    expect(t.beat.downCount).toBe(0);
    expect(t.state.downCount).toBe(0);
  });

  it('carries down_count over unchanged on non-important beats that are not DOWN', () => {
    const upBeat = applyCheckOutcome(
      makeState({ status: UP, downCount: 2 }),
      up(),
      makeSettings({ resendInterval: 5 }),
      at(1000),
    );
    expect(upBeat.beat.downCount).toBe(2);
    const pending = applyCheckOutcome(
      makeState({ status: UP, downCount: 2 }),
      down(),
      makeSettings({ resendInterval: 5, maxretries: 1 }),
      at(1000),
    );
    expect(pending.beat.status).toBe(PENDING);
    expect(pending.beat.downCount).toBe(2);
    expect(pending.notify).toBe(false);
  });

  it('still re-sends when the counter is already past a lowered resendInterval', () => {
    const t = applyCheckOutcome(
      makeState({ status: DOWN, downCount: 7 }),
      down(),
      makeSettings({ resendInterval: 3 }),
      at(1000),
    );
    expect(t.resend).toBe(true);
    expect(t.beat.downCount).toBe(0);
  });
});

describe('applyCheckOutcome: upside-down mode (docs/protocol/monitoring.md#upside-down-mode)', () => {
  it('turns a failing check into UP with the error text as msg and resets retries', () => {
    const t = applyCheckOutcome(
      makeState({ status: PENDING, retries: 2 }),
      down('connect ECONNREFUSED 127.0.0.1:80'),
      makeSettings({ upsideDown: true, maxretries: 3 }),
      at(1000),
    );
    expect(t.beat.status).toBe(UP);
    expect(t.beat.msg).toBe('connect ECONNREFUSED 127.0.0.1:80');
    expect(t.state.retries).toBe(0);
    expect(t.retrying).toBe(false);
  });

  it('turns a succeeding check into DOWN with msg "Flip UP to DOWN"', () => {
    const t = applyCheckOutcome(
      makeState({ status: UP }),
      up('200 - OK', 30),
      makeSettings({ upsideDown: true }),
      at(1000),
    );
    expect(t.beat).toMatchObject({
      status: DOWN,
      msg: 'Flip UP to DOWN',
      pingMs: 30,
      important: true,
    });
    expect(t.notify).toBe(true);
  });

  it('sends a flipped success through the retry logic', () => {
    const transitions = run(
      [up(), up(), up(), down()],
      makeSettings({ upsideDown: true, maxretries: 2, retryInterval: 15, interval: 90 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, PENDING, DOWN, UP]);
    expect(transitions.map((t) => t.beat.msg)).toEqual([
      'Flip UP to DOWN',
      'Flip UP to DOWN',
      'Flip UP to DOWN',
      'connect ECONNREFUSED 127.0.0.1:80',
    ]);
    expect(transitions.map((t) => t.nextDelaySec)).toEqual([15, 15, 90, 90]);
    expect(transitions.map((t) => t.state.retries)).toEqual([1, 2, 2, 0]);
  });

  it('never flips maintenance', () => {
    const t = applyCheckOutcome(
      makeState({ status: UP }),
      maintenance,
      makeSettings({ upsideDown: true }),
      at(1000),
    );
    expect(t.beat.status).toBe(MAINTENANCE);
  });
});

describe('applyCheckOutcome: duration', () => {
  it('is 0 for the first beat', () => {
    expect(applyCheckOutcome(INITIAL_STATE, up(), makeSettings(), T0).beat.durationSec).toBe(0);
  });

  it('counts whole seconds since the previous beat, rounding down', () => {
    const prev = makeState({ status: UP, lastBeatAt: T0 });
    expect(applyCheckOutcome(prev, up(), makeSettings(), at(59_999)).beat.durationSec).toBe(59);
    expect(applyCheckOutcome(prev, up(), makeSettings(), at(60_000)).beat.durationSec).toBe(60);
    expect(applyCheckOutcome(prev, up(), makeSettings(), at(999)).beat.durationSec).toBe(0);
  });

  it('never goes negative when the clock stepped backwards', () => {
    const prev = makeState({ status: UP, lastBeatAt: T0 });
    expect(applyCheckOutcome(prev, up(), makeSettings(), at(-5000)).beat.durationSec).toBe(0);
  });

  it('stores the beat time as the new lastBeatAt', () => {
    const t = applyCheckOutcome(makeState({ status: UP }), up(), makeSettings(), at(1234));
    expect(t.beat.time).toEqual(at(1234));
    expect(t.state.lastBeatAt).toEqual(at(1234));
  });
});

describe('applyCheckOutcome: maintenance (docs/protocol/monitoring.md#scheduling-retries-and-resend step 3)', () => {
  it('stores a MAINTENANCE beat with the fixed message and no ping', () => {
    const t = applyCheckOutcome(makeState({ status: UP }), maintenance, makeSettings(), at(1000));
    expect(t.beat).toMatchObject({
      status: MAINTENANCE,
      msg: 'Monitor under maintenance',
      pingMs: null,
    });
    expect(t.notify).toBe(false);
    expect(t.nextDelaySec).toBe(60);
    expect(t.retrying).toBe(false);
  });

  it('leaves the retry counter untouched', () => {
    const t = applyCheckOutcome(
      makeState({ status: PENDING, retries: 2 }),
      maintenance,
      makeSettings({ maxretries: 3, retryInterval: 10 }),
      at(1000),
    );
    expect(t.state.retries).toBe(2);
    const next = applyCheckOutcome(t.state, down(), makeSettings({ maxretries: 3 }), at(2000));
    expect(next.beat.status).toBe(PENDING);
    expect(next.state.retries).toBe(3);
  });

  it('notifies when a monitor leaves maintenance DOWN but not when it leaves UP', () => {
    const prev = makeState({ status: MAINTENANCE });
    expect(applyCheckOutcome(prev, down(), makeSettings(), at(1000)).notify).toBe(true);
    expect(applyCheckOutcome(prev, up(), makeSettings(), at(1000)).notify).toBe(false);
  });
});
