import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CheckJob } from '../queue/check-job.js';
import { createEmbeddedAdapterKit } from './embedded-adapter-kit.js';

const logger = pino({ level: 'silent' });
const concurrency = { checks: 2, notifications: 1 };
// Never opened: these tests ask for no database.
const DATA_DIR = '/nonexistent/watchpost-kit';

describe('embedded adapter kit', () => {
  it('hands the scheduler and the worker one in-process queue of each kind', () => {
    const kit = createEmbeddedAdapterKit(DATA_DIR, { role: 'all-in-one', logger, concurrency });
    expect(kit.checkConsumer()).toBe(kit.checkQueue());
    expect(kit.deliveryConsumer()).toBe(kit.deliveryQueue());
  });

  it('answers the same due set and change bus to every role that asks', () => {
    const kit = createEmbeddedAdapterKit(DATA_DIR, { role: 'all-in-one', logger, concurrency });
    expect(kit.dueSet()).toBe(kit.dueSet());
    expect(kit.changeBus()).toBe(kit.changeBus());
  });

  it('leaves Socket.IO on its in-memory adapter and probes only the database', async () => {
    const kit = createEmbeddedAdapterKit(DATA_DIR, { role: 'all-in-one', logger, concurrency });
    expect(kit.socketAdapter()).toBeUndefined();
    const probes = kit.healthProbes();
    expect(Object.keys(probes).sort()).toEqual(['database', 'schema']);
    // Not opened: not ready, at once rather than after a probe timeout.
    await expect(probes.database!()).rejects.toThrow('not open yet');
  });

  it('refuses to build a queue whose concurrency it was not given', () => {
    const kit = createEmbeddedAdapterKit(DATA_DIR, { role: 'all-in-one', logger });
    expect(() => kit.checkQueue()).toThrow('built without concurrency.checks');
  });

  it('lets running jobs finish when it closes', async () => {
    const kit = createEmbeddedAdapterKit(DATA_DIR, { role: 'all-in-one', logger, concurrency });
    const finished: number[] = [];
    await kit.checkConsumer().start<void>({
      run: async (job: CheckJob) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished.push(job.monitorId);
      },
      completed: () => {},
      failed: () => {},
    });
    await kit.checkQueue().enqueue([{ monitorId: 7, tenantId: 1, dueAt: 0 }]);
    await kit.close();
    expect(finished).toEqual([7]);
  });
});
