import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP } from './monitor-status.js';
import { MISSED_PUSH_OUTCOME, NO_HEARTBEAT_MSG } from '../push/push-window.js';
import { INITIAL_STATE, applyCheckOutcome } from './state-machine.js';
import type {
  CheckOutcome,
  MonitorRuntimeState,
  StateMachineSettings,
  Transition,
} from './state-machine.js';

// The two push paths of the state machine (docs/protocol/monitoring.md#push-monitors): a call of the push URL, and the
// window check that finds none.

const T0 = new Date('2024-03-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

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

const pushed = (status: 'up' | 'down', msg = 'OK', pingMs: number | null = null): CheckOutcome => ({
  kind: 'pushed',
  status,
  msg,
  pingMs,
});
const missed = MISSED_PUSH_OUTCOME;

function run(
  outcomes: readonly CheckOutcome[],
  settings: StateMachineSettings,
  start: MonitorRuntimeState = INITIAL_STATE,
): Transition[] {
  let state = start;
  return outcomes.map((outcome, i) => {
    const transition = applyCheckOutcome(state, outcome, settings, at((i + 1) * 1000));
    state = transition.state;
    return transition;
  });
}

describe('applyCheckOutcome: pushes (docs/protocol/monitoring.md#push-monitors)', () => {
  it('stores an UP push with its msg and ping and resets the retry counter', () => {
    const t = applyCheckOutcome(
      makeState({ status: PENDING, retries: 2 }),
      pushed('up', 'backup done', 12.5),
      makeSettings({ maxretries: 3 }),
      at(30_000),
    );
    expect(t.beat).toEqual({
      status: UP,
      msg: 'backup done',
      pingMs: 12.5,
      important: false,
      durationSec: 30,
      downCount: 0,
      time: at(30_000),
    });
    expect(t.state.retries).toBe(0);
  });

  it('stores a DOWN push as DOWN at once, whatever maxretries says', () => {
    const t = applyCheckOutcome(
      makeState({ status: UP }),
      pushed('down', 'disk full'),
      makeSettings({ maxretries: 5, retryInterval: 10 }),
      at(1000),
    );
    expect(t.beat).toMatchObject({ status: DOWN, msg: 'disk full', important: true });
    expect(t.notify).toBe(true);
    expect(t.retrying).toBe(false);
  });

  it('flips pushes in upside-down mode and keeps the pusher’s msg', () => {
    const settings = makeSettings({ upsideDown: true, maxretries: 2 });
    const up = applyCheckOutcome(makeState({ status: DOWN }), pushed('up'), settings, at(1000));
    expect(up.beat).toMatchObject({ status: DOWN, msg: 'OK' });
    const down = applyCheckOutcome(
      makeState({ status: DOWN }),
      pushed('down', 'x'),
      settings,
      at(1000),
    );
    expect(down.beat).toMatchObject({ status: UP, msg: 'x', important: true });
    expect(down.state.retries).toBe(0);
  });

  it('marks importance against the previous beat (docs/protocol/monitoring.md#important-beats-and-notifications)', () => {
    const transitions = run(
      [pushed('up'), pushed('up'), pushed('down'), pushed('down'), pushed('up')],
      makeSettings(),
    );
    expect(transitions.map((t) => [t.beat.status, t.beat.important, t.notify])).toEqual([
      [UP, true, false],
      [UP, false, false],
      [DOWN, true, true],
      [DOWN, false, false],
      [UP, true, true],
    ]);
    expect(transitions.map((t) => t.beat.durationSec)).toEqual([0, 1, 1, 1, 1]);
  });

  it('counts non-important DOWN pushes towards a resend', () => {
    const transitions = run(
      [pushed('down'), pushed('down'), pushed('down')],
      makeSettings({ resendInterval: 2 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => [t.beat.downCount, t.resend])).toEqual([
      [0, false],
      [1, false],
      [0, true],
    ]);
  });

  it('treats a push after maintenance like any beat after maintenance', () => {
    const t = applyCheckOutcome(
      makeState({ status: MAINTENANCE }),
      pushed('up'),
      makeSettings(),
      at(1000),
    );
    expect(t.beat).toMatchObject({ status: UP, important: true });
    expect(t.notify).toBe(false);
  });
});

describe('applyCheckOutcome: missed push window (docs/protocol/monitoring.md#push-monitors)', () => {
  it('goes PENDING through maxretries, then DOWN, with the upstream msg', () => {
    const transitions = run(
      [missed, missed, missed, missed],
      makeSettings({ maxretries: 2, retryInterval: 5, interval: 30 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, PENDING, DOWN, DOWN]);
    expect(transitions.map((t) => t.beat.msg)).toEqual(Array(4).fill(NO_HEARTBEAT_MSG));
    expect(transitions.map((t) => t.beat.pingMs)).toEqual([null, null, null, null]);
    expect(transitions.map((t) => t.nextDelaySec)).toEqual([5, 5, 30, 30]);
    expect(transitions.map((t) => t.beat.important)).toEqual([false, false, true, false]);
    expect(transitions.map((t) => t.notify)).toEqual([false, false, true, false]);
  });

  it('is the good news in upside-down mode: UP with the msg, retries reset (docs/protocol/monitoring.md#upside-down-mode)', () => {
    const transitions = run(
      [pushed('up'), missed, missed],
      makeSettings({ upsideDown: true, maxretries: 2 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => [t.beat.status, t.beat.msg, t.beat.important])).toEqual([
      [DOWN, 'OK', true],
      [UP, NO_HEARTBEAT_MSG, true],
      [UP, NO_HEARTBEAT_MSG, false],
    ]);
    expect(transitions.map((t) => t.state.retries)).toEqual([2, 0, 0]);
  });

  it('starts over with PENDING after an UP push', () => {
    const transitions = run(
      [missed, missed, pushed('up'), missed],
      makeSettings({ maxretries: 1 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([PENDING, DOWN, UP, PENDING]);
    expect(transitions.map((t) => t.beat.important)).toEqual([false, true, true, false]);
  });

  it('stays DOWN without a second notification when pushes stop after a DOWN push', () => {
    const transitions = run(
      [pushed('down'), missed, missed],
      makeSettings({ maxretries: 2 }),
      makeState({ status: UP }),
    );
    expect(transitions.map((t) => t.beat.status)).toEqual([DOWN, DOWN, DOWN]);
    expect(transitions.map((t) => t.notify)).toEqual([true, false, false]);
  });

  it('is important as the very first beat of a monitor that never got a push', () => {
    const t = applyCheckOutcome(INITIAL_STATE, missed, makeSettings(), T0);
    expect(t.beat).toMatchObject({ status: DOWN, important: true, durationSec: 0 });
    expect(t.notify).toBe(true);
  });
});
