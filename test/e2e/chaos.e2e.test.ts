import { describe, expect, it } from 'vitest';
import { runChaos, type Fault } from '../support/chaos/chaos-run.js';

// The short version of `npm run chaos` (bench/chaos.ts): three faults, checked for what must
// hold however loaded the machine is. The timings are for the full run to print.
const FAULTS: Fault[] = ['kill worker', 'kill api', 'flushall redis'];
const OBSERVE_MS = 8_000;

describe('chaos, short', () => {
  it('loses no beat a client was told of, no alert, and doubles no slot through kills and a wipe', async () => {
    const result = await runChaos({
      faults: FAULTS,
      monitors: 8,
      alertingMonitors: 1,
      intervalSeconds: 2,
      checkDelayMs: 300,
      observeMs: OBSERVE_MS,
      postgresDownMs: 0,
      log: () => {},
    });
    for (const figures of result.figures) {
      expect(figures, result.output()).toMatchObject({ lost: 0, duplicates: 0, alertsLost: 0 });
      // Every client (one of them moved to the other API node) heard a beat again.
      expect(figures.freshClientsSeconds, figures.fault).toBeLessThan(OBSERVE_MS / 1000);
    }
  }, 300_000);
});
