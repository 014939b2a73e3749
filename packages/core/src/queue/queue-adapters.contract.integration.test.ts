import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sleep, TEST_REDIS_URL, uniqueRedisPrefix, waitFor } from '../testing/index.js';
import { createBullmqCheckConsumer } from './bullmq-check-consumer.js';
import { createBullmqCheckQueue } from './bullmq-check-queue.js';
import { CHECK_BATCH_MAX, type CheckJob } from './check-job.js';
import { createCheckHolds, HOLD_GRACE_MS } from './check-holds.js';
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
  /** Another producer on the same queue, as a second scheduler replica is. */
  otherQueue: CheckQueue;
  consumer: CheckConsumer;
  close(): Promise<void>;
}

const queueImplementations: [string, (concurrency: number) => QueuePair][] = [
  [
    'BullMQ',
    (concurrency) => {
      const p = prefix();
      const queue = createBullmqCheckQueue(connect(), p);
      const otherQueue = createBullmqCheckQueue(connect(), p);
      const consumer = createBullmqCheckConsumer({
        connection: connect(),
        prefix: p,
        concurrency,
        onError: () => {},
      });
      return {
        queue,
        otherQueue,
        consumer,
        async close() {
          await consumer.close();
          await queue.close();
          await otherQueue.close();
        },
      };
    },
  ],
  [
    'in-process',
    (concurrency) => {
      const queue = createInProcessCheckQueue({ concurrency, onError: () => {} });
      return { queue, otherQueue: queue, consumer: queue, close: () => queue.close() };
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

  it('runs a monitor enqueued by two producers at once only once', async () => {
    pair = create(4);
    const ran: number[] = [];
    let done = 0;
    await pair.consumer.start({
      run: async (j) => {
        ran.push(j.monitorId);
        await sleep(20);
      },
      completed: () => done++,
      failed: () => {},
    });
    const { queue, otherQueue } = pair;
    await Promise.all([
      queue.enqueue([job(1), job(2), job(3)]),
      otherQueue.enqueue([job(3), job(2), job(1)]),
      queue.enqueue([job(2)]),
    ]);
    await waitFor(() => done === 3, { what: 'three checks' });
    await sleep(100);
    expect(ran.sort()).toEqual([1, 2, 3]);
    expect(done).toBe(3);
  });

  it('starts a check as soon as a slot is free, whatever else its batch holds', async () => {
    pair = create(2);
    const ran: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await pair.consumer.start({
      async run(j) {
        ran.push(j.monitorId);
        if (j.monitorId === 1) await gate;
      },
      completed: () => {},
      failed: () => {},
    });
    // One enqueue: one batch, whose first check hangs.
    await pair.queue.enqueue([job(1), job(2)]);
    await waitFor(() => ran.length === 2, { what: 'both checks of the batch' });
    // The slot check 2 left is taken by the next batch while check 1 still hangs.
    await pair.queue.enqueue([job(3)]);
    await waitFor(() => ran.length === 3, { what: 'the next batch' });
    expect(ran).toEqual([1, 2, 3]);
    release();
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

describe('check batches on BullMQ', () => {
  it('runs a killed worker’s batch on another worker, skipping the checks that had finished', async () => {
    const p = prefix();
    const queue = createBullmqCheckQueue(connect(), p);
    // Not among `connections`: it is gone before the file's cleanup.
    const doomed = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const killed = createBullmqCheckConsumer({
      connection: doomed,
      prefix: p,
      concurrency: 4,
      lockMs: 1_000,
      onError: () => {},
    });
    const ranOnKilled: number[] = [];
    const completedOnKilled: number[] = [];
    let unblock!: () => void;
    const hang = new Promise<void>((r) => (unblock = r));
    await killed.start({
      async run(j) {
        ranOnKilled.push(j.monitorId);
        if (j.monitorId === 2) await hang;
      },
      completed: (j) => completedOnKilled.push(j.monitorId),
      failed: () => {},
    });
    await queue.enqueue([job(1), job(2)]);
    await waitFor(() => completedOnKilled.includes(1) && ranOnKilled.includes(2), {
      what: 'check 1 to finish while check 2 hangs',
    });
    // Killed: from now on it renews no lock and reports nothing.
    doomed.disconnect();

    const survivor = createBullmqCheckConsumer({
      connection: connect(),
      prefix: p,
      concurrency: 4,
      lockMs: 1_000,
      onError: () => {},
    });
    const ranOnSurvivor: number[] = [];
    const completedOnSurvivor: number[] = [];
    await survivor.start({
      run: async (j) => void ranOnSurvivor.push(j.monitorId),
      completed: (j) => completedOnSurvivor.push(j.monitorId),
      failed: () => {},
    });
    // The lock lapses after 1 s and the next sweep hands the batch back: well within 2 × lock.
    await waitFor(() => completedOnSurvivor.length === 1, {
      what: 'the batch to run again',
      timeoutMs: 5_000,
    });
    await sleep(200);
    expect(ranOnSurvivor).toEqual([2]);
    // Check 2 is free again once the rerun has finished.
    await queue.enqueue([job(2)]);
    await waitFor(() => completedOnSurvivor.length === 2, { what: 'the next check of 2' });

    unblock();
    await killed.close();
    await survivor.close();
    await queue.close();
  });

  it('takes over a hold whose batch never reached the queue, once the grace has passed', async () => {
    let now = 1_000_000;
    const holds = createCheckHolds(connect(), prefix(), () => now);
    // A crash between holding and adding the batch leaves a hold with no batch behind it.
    expect(await holds.hold([5, 6], ['lost'], CHECK_BATCH_MAX)).toEqual([5, 6]);
    now += HOLD_GRACE_MS - 1;
    expect(await holds.hold([5], ['next'], CHECK_BATCH_MAX)).toEqual([]);
    now += 2;
    expect(await holds.hold([6, 5, 7], ['next'], CHECK_BATCH_MAX)).toEqual([6, 5, 7]);
    expect(await holds.take('lost', [5, 6])).toEqual([false, false]);
    expect(await holds.take('next', [5, 6, 7])).toEqual([true, true, true]);
  });

  it('takes no more batches than it has free check slots for', async () => {
    const p = prefix();
    const queue = createBullmqCheckQueue(connect(), p);
    const consumer = createBullmqCheckConsumer({
      connection: connect(),
      prefix: p,
      concurrency: 2,
      onError: () => {},
    });
    let unblock!: () => void;
    const hang = new Promise<void>((r) => (unblock = r));
    const ran: number[] = [];
    await consumer.start({
      async run(j) {
        ran.push(j.monitorId);
        await hang;
      },
      completed: () => {},
      failed: () => {},
    });
    // Two batches of one check each, then a third: the consumer holds two checks, both
    // running, so the third batch stays in the queue for another worker.
    await queue.enqueue([job(1)]);
    await queue.enqueue([job(2)]);
    await queue.enqueue([job(3)]);
    await waitFor(() => ran.length === 2, { what: 'two checks to start' });
    await sleep(300);
    expect(ran).toEqual([1, 2]);
    expect(await queue.waitingCount()).toBe(1);
    unblock();
    await waitFor(() => ran.length === 3, { what: 'the third check' });
    await consumer.close();
    await queue.close();
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
