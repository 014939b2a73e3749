import { describe, expect, it } from 'vitest';
import { nextDueAfterCheck, nextSlotAfter, slotPhaseMs } from './check-slots.js';

describe('check slots', () => {
  it('returns the next grid point strictly after the given time', () => {
    const t = 1_700_000_000_000;
    const next = nextSlotAfter(42, 60, t);
    expect(next).toBeGreaterThan(t);
    expect(next - t).toBeLessThanOrEqual(60_000);
    expect((next - slotPhaseMs(42, 60_000)) % 60_000).toBe(0);
    expect(nextSlotAfter(42, 60, next)).toBe(next + 60_000);
  });

  it('spreads 10,000 monitors at 60 s over the whole minute', () => {
    const perSecond = new Array<number>(60).fill(0);
    for (let id = 1; id <= 10_000; id++) {
      const second = Math.floor(slotPhaseMs(id, 60_000) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
    // An even spread is ~167 per second; no second may carry more than twice that.
    expect(Math.max(...perSecond)).toBeLessThan(334);
    expect(Math.min(...perSecond)).toBeGreaterThan(80);
  });
});

describe('nextDueAfterCheck', () => {
  it('gives a check on its slot exactly one interval', () => {
    const slot = nextSlotAfter(7, 10, 1_700_000_000_000);
    expect(nextDueAfterCheck(7, 10, slot + 40)).toBe(slot + 10_000);
  });

  it('never schedules the next check less than half an interval after an off-grid one', () => {
    for (let t = 1_700_000_000_000; t < 1_700_000_000_000 + 10_000; t += 137) {
      const next = nextDueAfterCheck(7, 10, t);
      expect(next - t).toBeGreaterThanOrEqual(5_000);
      expect(next - t).toBeLessThanOrEqual(15_000);
    }
  });
});
