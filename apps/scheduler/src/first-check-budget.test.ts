import { describe, expect, it } from 'vitest';
import { createFirstCheckBudget } from './first-check-budget.js';

describe('createFirstCheckBudget', () => {
  it('checks a burst at once up to the budget, then refills with time', () => {
    let clock = 1_000_000;
    const budget = createFirstCheckBudget(50, () => clock);
    const burst = Array.from({ length: 120 }, () => budget.take());
    expect(burst.filter(Boolean)).toHaveLength(50);
    expect(burst.slice(0, 50).every(Boolean)).toBe(true);

    clock += 100; // a tenth of a second: five more
    expect(Array.from({ length: 10 }, () => budget.take()).filter(Boolean)).toHaveLength(5);

    clock += 60_000; // a quiet minute refills to the budget, not beyond it
    expect(Array.from({ length: 80 }, () => budget.take()).filter(Boolean)).toHaveLength(50);
  });

  it('lets single starts spaced out check at once every time', () => {
    let clock = 0;
    const budget = createFirstCheckBudget(50, () => clock);
    for (let i = 0; i < 200; i++) {
      clock += 100;
      expect(budget.take()).toBe(true);
    }
  });
});
