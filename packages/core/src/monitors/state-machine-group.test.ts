import { describe, expect, it } from 'vitest';
import { DOWN, PENDING, UP } from './monitor-status.js';
import {
  applyCheckOutcome,
  INITIAL_STATE,
  type CheckOutcome,
  type MonitorRuntimeState,
  type StateMachineSettings,
} from './state-machine.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const settings = (overrides: Partial<StateMachineSettings> = {}): StateMachineSettings => ({
  maxretries: 2,
  retryInterval: 20,
  interval: 60,
  resendInterval: 0,
  upsideDown: false,
  ...overrides,
});
const group = (status: 'up' | 'down' | 'pending', msg = 'Child inaccessible'): CheckOutcome => ({
  kind: 'group',
  status,
  msg,
});
const after = (status: MonitorRuntimeState['status'], retries = 0): MonitorRuntimeState => ({
  ...INITIAL_STATE,
  status,
  retries,
  lastBeatAt: new Date(NOW.getTime() - 60_000),
});

describe('applyCheckOutcome for a group verdict (docs/protocol/monitoring.md#group-monitors)', () => {
  it('goes DOWN at once, without PENDING retries, and notifies', () => {
    const t = applyCheckOutcome(after(UP), group('down'), settings(), NOW);
    expect(t.beat).toMatchObject({ status: DOWN, msg: 'Child inaccessible', important: true });
    expect(t.notify).toBe(true);
    expect(t.state.retries).toBe(0);
  });

  it('takes PENDING as is and checks again after retryInterval', () => {
    const t = applyCheckOutcome(after(UP), group('pending'), settings(), NOW);
    expect(t.beat).toMatchObject({ status: PENDING, important: false });
    expect(t.nextDelaySec).toBe(20);
  });

  it('comes back UP with the children’s msg and notifies the recovery', () => {
    const t = applyCheckOutcome(
      after(DOWN),
      group('up', 'All children up and running'),
      settings(),
      NOW,
    );
    expect(t.beat).toMatchObject({ status: UP, msg: 'All children up and running' });
    expect(t.notify).toBe(true);
  });

  it('flips in upside-down mode: DOWN children make it UP, UP children a failure', () => {
    const flippedDown = applyCheckOutcome(
      after(UP),
      group('down'),
      settings({ upsideDown: true }),
      NOW,
    );
    expect(flippedDown.beat.status).toBe(UP);
    const flippedUp = applyCheckOutcome(
      after(UP),
      group('up', 'All children up and running'),
      settings({ upsideDown: true }),
      NOW,
    );
    expect(flippedUp.beat).toMatchObject({ status: PENDING, msg: 'Flip UP to DOWN' });
    expect(flippedUp.state.retries).toBe(1);
  });
});
