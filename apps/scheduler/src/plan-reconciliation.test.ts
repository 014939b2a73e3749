import { describe, expect, it } from 'vitest';
import { planReconciliation } from './plan-reconciliation.js';

describe('planReconciliation', () => {
  const now = 1_700_000_000_000;

  it('schedules active monitors the due set lacks on their next slot', () => {
    const plan = planReconciliation(
      [
        { monitorId: 1, tenantId: 7, interval: 60 },
        { monitorId: 2, tenantId: 7, interval: 60 },
      ],
      new Set([1]),
      now,
    );
    expect(plan.unschedule).toEqual([]);
    expect(plan.schedule).toHaveLength(1);
    const [entry] = plan.schedule;
    expect(entry).toMatchObject({ monitorId: 2, tenantId: 7 });
    expect(entry!.dueAt).toBeGreaterThan(now);
    expect(entry!.dueAt).toBeLessThanOrEqual(now + 60_000);
  });

  it('unschedules monitors that are no longer active or no longer exist', () => {
    const plan = planReconciliation(
      [{ monitorId: 1, tenantId: 7, interval: 60 }],
      new Set([1, 5]),
      now,
    );
    expect(plan).toEqual({ schedule: [], unschedule: [5] });
  });

  it('spreads a cold start of many monitors over their interval', () => {
    const active = Array.from({ length: 1000 }, (_, i) => ({
      monitorId: i + 1,
      tenantId: 1,
      interval: 60,
    }));
    const { schedule } = planReconciliation(active, new Set(), now);
    const firstSecond = schedule.filter((e) => e.dueAt - now < 1000).length;
    expect(firstSecond).toBeLessThan(50);
  });
});
