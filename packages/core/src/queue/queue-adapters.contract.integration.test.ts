import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sleep, TEST_REDIS_URL, uniqueRedisPrefix, waitFor } from '../testing/index.js';
import { createBullmqCheckConsumer } from './bullmq-check-consumer.js';
import { createBullmqCheckQueue } from './bullmq-check-queue.js';
import type { CheckJob } from './check-job.js';
import { createInProcessCheckQueue } from './in-process-check-queue.js';
import { createMemoryDueSet } from './memory-due-set.js';
import { createMemoryChangeBus } from '../changes/memory-change-bus.js';
import type { CheckConsumer, CheckQueue, DueSet } from './ports.js';
import type { MonitorChange, ChangeBus } from '../changes/index.js';
import { createRedisDueSet } from './redis-due-set.js';
import { createRedisChangeBus } from '../changes/redis-change-bus.js';

// The roles see only the ports, so both modes must behave the same through them: each
// contract below runs against the distributed (Redis, BullMQ) and the embedded (in-process)
// implementation.

const connections: Redis[] = [];
const prefixes: string[] = [];
function connect(): Redis {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  connections.push(redis);
  return redis;
}
function prefix(): string {
  const p = uniqueRedisPrefix('contract');
  prefixes.push(p);
  return p;
}

afterAll(async () => {
  const redis = connect();
  for (const p of prefixes) {
    const keys = await redis.keys(`${p}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await Promise.all(connections.map((c) => c.quit()));
});

interface QueuePair {
  queue: CheckQueue;
  consumer: CheckConsumer;
  close(): Promise<void>;
}

const queueImplementations: [string, (concurrency: number) => QueuePair][] = [
  [
    'BullMQ',
    (concurrency) => {
      const p = prefix();
      const queue = createBullmqCheckQueue(connect(), p);
      const consumer = createBullmqCheckConsumer({
        connection: connect(),
        prefix: p,
        concurrency,
        onError: () => {},
      });
      return {
        queue,
        consumer,
        async close() {
          await consumer.close();
          await queue.close();
        },
      };
    },
  ],
  [
    'in-process',
    (concurrency) => {
      const queue = createInProcessCheckQueue({ concurrency, onError: () => {} });
      return { queue, consumer: queue, close: () => queue.close() };
    },
  ],
];

const job = (monitorId: number): CheckJob => ({ monitorId, tenantId: 1, dueAt: 1000 + monitorId });

describe.each(queueImplementations)('check queue contract: %s', (_name, create) => {
  let pair: QueuePair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('keeps one job per monitor while it waits and lets it in again once finished', async () => {
    pair = create(1);
    const { queue, consumer } = pair;
    await queue.enqueue([job(1), job(1), job(2)]);
    expect(await queue.waitingCount()).toBe(2);

    const ran: number[] = [];
    const completed: CheckJob[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await consumer.start<string>({
      async run(j) {
        ran.push(j.monitorId);
        if (j.monitorId === 1 && ran.length === 1) await gate;
        return `done ${j.monitorId}`;
      },
      completed: (j, result) => {
        expect(result).toBe(`done ${j.monitorId}`);
        completed.push(j);
      },
      failed: () => {},
    });
    await waitFor(() => ran.length === 1, { what: 'the first job to start' });
    // Running: a second job for the same monitor is dropped.
    await queue.enqueue([job(1)]);
    release();
    await waitFor(() => completed.length === 2, { what: 'both jobs to complete' });
    expect(ran).toEqual([1, 2]);
    expect(completed).toEqual([job(1), job(2)]);

    // Finished: the monitor can be queued again.
    await queue.enqueue([job(1)]);
    await waitFor(() => completed.length === 3, { what: 'the re-queued job' });
    expect(ran).toEqual([1, 2, 1]);
  });

  it('never runs more than its concurrency at once', async () => {
    pair = create(3);
    let running = 0;
    let peak = 0;
    let done = 0;
    await pair.consumer.start({
      async run() {
        running++;
        peak = Math.max(peak, running);
        await sleep(30);
        running--;
      },
      completed: () => done++,
      failed: () => {},
    });
    await pair.queue.enqueue(Array.from({ length: 12 }, (_, i) => job(i + 1)));
    await waitFor(() => done === 12, { what: 'all twelve jobs' });
    expect(peak).toBe(3);
  });

  it('drops a waiting job on removeWaiting', async () => {
    pair = create(1);
    await pair.queue.enqueue([job(7), job(8)]);
    await pair.queue.removeWaiting(7);
    expect(await pair.queue.waitingCount()).toBe(1);
    const ran: number[] = [];
    await pair.consumer.start({
      run: async (j) => void ran.push(j.monitorId),
      completed: () => {},
      failed: () => {},
    });
    await waitFor(() => ran.length === 1, { what: 'the remaining job' });
    expect(ran).toEqual([8]);
  });

  it('reports a job that threw as failed, with the job, and frees the monitor', async () => {
    pair = create(1);
    const failures: [CheckJob | undefined, string][] = [];
    let attempts = 0;
    await pair.consumer.start({
      async run() {
        attempts++;
        throw new Error('boom');
      },
      completed: () => {},
      failed: (j, error) => failures.push([j, error.message]),
    });
    await pair.queue.enqueue([job(3)]);
    await waitFor(() => failures.length === 1, { what: 'the failure' });
    expect(failures).toEqual([[job(3), 'boom']]);
    await pair.queue.enqueue([job(3)]);
    await waitFor(() => attempts === 2, { what: 'the second attempt' });
  });

  it('lets running jobs finish and report on close', async () => {
    pair = create(2);
    const started: number[] = [];
    const completed: number[] = [];
    await pair.consumer.start({
      run: async (j) => {
        started.push(j.monitorId);
        await sleep(100);
        return j.monitorId;
      },
      completed: (j) => completed.push(j.monitorId),
      failed: () => {},
    });
    await pair.queue.enqueue([job(1), job(2)]);
    await waitFor(() => started.length === 2, { what: 'both jobs to start' });
    await pair.consumer.close();
    expect(completed.sort()).toEqual([1, 2]);
  });
});

const dueSetImplementations: [string, () => DueSet][] = [
  ['Redis', () => createRedisDueSet(connect(), prefix())],
  ['memory', () => createMemoryDueSet()],
];

describe.each(dueSetImplementations)('due set contract: %s', (_name, create) => {
  it('claims due entries in due order, at most `limit`, and leases them', async () => {
    const due = create();
    await due.scheduleMany([
      { monitorId: 1, tenantId: 10, dueAt: 300 },
      { monitorId: 2, tenantId: 20, dueAt: 100 },
      { monitorId: 3, tenantId: 30, dueAt: 200 },
      { monitorId: 4, tenantId: 40, dueAt: 900 },
    ]);
    expect(await due.claimDue(500, 2, 1000)).toEqual([
      { monitorId: 2, tenantId: 20, dueAt: 100 },
      { monitorId: 3, tenantId: 30, dueAt: 200 },
    ]);
    expect(await due.claimDue(500, 10, 1000)).toEqual([{ monitorId: 1, tenantId: 10, dueAt: 300 }]);
    // Leased until 1500: not due again before then, due again after.
    expect(await due.claimDue(1000, 10, 1000)).toEqual([
      { monitorId: 4, tenantId: 40, dueAt: 900 },
    ]);
    const again = (await due.claimDue(1600, 10, 1000)).map((e) => e.monitorId);
    expect(again.sort()).toEqual([1, 2, 3]);
  });

  it('says whether it was filled from the database', async () => {
    const due = create();
    expect(await due.isFilled()).toBe(false);
    await due.markFilled();
    expect(await due.isFilled()).toBe(true);
  });

  it('moves an entry when it is scheduled again and forgets it when unscheduled', async () => {
    const due = create();
    await due.schedule(1, 10, 100);
    await due.schedule(1, 10, 700);
    await due.schedule(2, 20, 200);
    await due.unschedule(2);
    await due.unschedule(99);
    expect(await due.claimDue(500, 10, 1000)).toEqual([]);
    expect(await due.claimDue(800, 10, 1000)).toEqual([{ monitorId: 1, tenantId: 10, dueAt: 700 }]);
    expect(await due.scheduledIds()).toEqual(new Set([1]));
  });
});

const busImplementations: [string, () => ChangeBus][] = [
  ['Redis', () => createRedisChangeBus(connect(), connect(), prefix())],
  ['memory', () => createMemoryChangeBus()],
];

describe.each(busImplementations)('monitor change bus contract: %s', (_name, create) => {
  it('delivers each published change to every subscriber', async () => {
    const bus = create();
    const a: MonitorChange[] = [];
    const b: MonitorChange[] = [];
    await bus.subscribe((c) => a.push(c));
    await bus.subscribe((c) => b.push(c));
    const change: MonitorChange = { kind: 'remove', monitorId: 5, tenantId: 2 };
    await bus.publish(change);
    await waitFor(() => a.length === 1 && b.length === 1, { what: 'delivery' });
    expect(a).toEqual([change]);
    expect(b).toEqual([change]);
  });
});
