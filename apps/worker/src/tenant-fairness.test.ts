import { describe, expect, it } from 'vitest';
import { createTenantFairness, type TenantFairnessOptions } from './tenant-fairness.js';

function fairness(overrides: Partial<TenantFairnessOptions> = {}) {
  const clock = { now: 1_000_000 };
  const loads: number[][] = [];
  const f = createTenantFairness({
    defaultLimit: 2,
    loadLimits: async (ids) => {
      loads.push(ids);
      return new Map([[7, 1]]);
    },
    now: () => clock.now,
    ...overrides,
  });
  return { f, clock, loads };
}

describe('createTenantFairness', () => {
  it('lets a tenant run up to its cap and refuses the next until one finishes', async () => {
    const { f } = fairness();
    expect(await f.tryAcquire(1)).toBe(true);
    expect(await f.tryAcquire(1)).toBe(true);
    expect(await f.tryAcquire(1)).toBe(false);
    // Another tenant is not affected by the first one's full cap.
    expect(await f.tryAcquire(2)).toBe(true);
    f.release(1);
    expect(await f.tryAcquire(1)).toBe(true);
  });

  it('applies a tenant’s own cap over the default', async () => {
    const { f } = fairness();
    expect(await f.tryAcquire(7)).toBe(true);
    expect(await f.tryAcquire(7)).toBe(false);
  });

  it('never refuses without a cap', async () => {
    const { f } = fairness({ defaultLimit: null, loadLimits: async () => new Map() });
    for (let i = 0; i < 1000; i++) expect(await f.tryAcquire(3)).toBe(true);
  });

  it('asks the database about a tenant once per cache period, even for concurrent jobs', async () => {
    const { f, clock, loads } = fairness({ defaultLimit: 100 });
    await Promise.all([f.tryAcquire(4), f.tryAcquire(4), f.tryAcquire(4)]);
    expect(loads).toEqual([[4]]);
    clock.now += 31_000;
    await f.tryAcquire(4);
    expect(loads).toEqual([[4], [4]]);
  });

  it('defers a job by a couple of seconds, spread by monitor', () => {
    const { f, clock } = fairness();
    const a = f.defer({ monitorId: 1, tenantId: 1, dueAt: 0 });
    const b = f.defer({ monitorId: 2, tenantId: 1, dueAt: 0 });
    expect(a).toMatchObject({ kind: 'reschedule', monitorId: 1, tenantId: 1 });
    for (const d of [a, b]) {
      if (d.kind !== 'reschedule') throw new Error('expected a reschedule');
      expect(d.dueAt).toBeGreaterThanOrEqual(clock.now + 2_000);
      expect(d.dueAt).toBeLessThan(clock.now + 3_000);
    }
    expect(a).not.toEqual(b);
  });
});
