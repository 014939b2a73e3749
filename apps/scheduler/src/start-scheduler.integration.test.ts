import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { monitorInputSchema, nextSlotAfter } from '@watchpost/core';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import { monitorRepository, tenantRepository } from '@watchpost/core/db';
import { createInProcessCheckQueue, createMemoryDueSet } from '@watchpost/core/queue';
import { createTestDatabase, waitFor, type TestDatabase } from '@watchpost/core/testing';
import { startScheduler, type RunningScheduler } from './start-scheduler.js';

let t: TestDatabase;
let scheduler: RunningScheduler | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await scheduler?.close();
  await t?.drop();
});

describe('monitors started in a burst', () => {
  it('checks the budget at once and places the rest on their slots', async () => {
    const { tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    });
    const input = monitorInputSchema(20).parse({
      type: 'http',
      name: 'web',
      url: 'http://127.0.0.1:1/',
      accepted_statuscodes: ['200-299'],
      interval: 30,
    });
    // Stored paused, so the scheduler's own start finds none of them.
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(await monitorRepository.insertMonitor(t.db, tenantId, input, false));
    }
    const clock = Date.parse('2026-01-01T00:00:00Z');
    const dueSet = createMemoryDueSet();
    const changes = createMemoryChangeBus();
    scheduler = await startScheduler({
      db: t.db,
      dueSet,
      checkQueue: createInProcessCheckQueue({ concurrency: 1, onError: () => {} }),
      changes,
      logger: pino({ level: 'silent' }),
      tickMs: 3_600_000,
      leaseMs: 60_000,
      reconcileEveryMs: 3_600_000,
      retentionDays: null,
      now: () => clock,
      immediateFirstChecksPerSecond: 10,
    });

    // An import: thirty monitors start within the same instant.
    for (const monitorId of ids) {
      await monitorRepository.setMonitorActive(t.db, tenantId, monitorId, true);
      await changes.publish({ kind: 'upsert', monitorId, tenantId });
    }
    await waitFor(async () => (await dueSet.scheduledIds()).size === ids.length, {
      what: 'every started monitor to be due',
    });

    const atOnce = await dueSet.claimDue(clock, 100, 60_000);
    expect(atOnce.map((e) => e.monitorId).sort()).toEqual(ids.slice(0, 10).sort());
    const slotted = await dueSet.claimDue(clock + 30_000, 100, 60_000);
    expect(slotted.map((e) => e.monitorId).sort()).toEqual(ids.slice(10).sort());
    for (const entry of slotted) {
      expect(entry.dueAt).toBe(nextSlotAfter(entry.monitorId, 30, clock));
    }
  });
});
