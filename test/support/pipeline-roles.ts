import { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Database } from '@watchpost/core/db';
import type { EgressPolicy } from '@watchpost/core/egress';
import type { RetryPolicy } from '@watchpost/core/notifications';
import {
  CHECK_QUEUE_NAME,
  createBullmqCheckConsumer,
  createBullmqCheckQueue,
  createBullmqDeliveryConsumer,
  createBullmqDeliveryQueue,
  createRedisDueSet,
  type CheckConsumer,
  type CheckJob,
} from '@watchpost/core/queue';
import { createRedisChangeBus, type ChangeBus } from '@watchpost/core/changes';
import type { TenantEvents } from '@watchpost/core/realtime';
import { TEST_REDIS_URL, waitFor } from '@watchpost/core/testing';
import { startScheduler, type RunningScheduler } from '../../apps/scheduler/src/start-scheduler.js';
import {
  startDeliveryRunner,
  type RunningDeliveryRunner,
} from '../../apps/worker/src/deliveries/start-delivery-runner.js';
import { startWorker, type RunningWorker } from '../../apps/worker/src/start-worker.js';

export const testLogger = pino({ level: 'silent' });

export interface WorkerOptions {
  /** Checks in flight (20 when absent). */
  concurrency?: number;
  /** The worker's per-tenant cap (none when absent). */
  tenantChecksInFlight?: number | null;
  /** Sees every job as the worker takes it, before the worker runs it. */
  onJob?(job: CheckJob): void;
  /** What checks may reach; unset, every address (the targets are on loopback). */
  egress?: EgressPolicy;
}

function observeJobs(consumer: CheckConsumer, onJob: (job: CheckJob) => void): CheckConsumer {
  return {
    start: (handler) =>
      consumer.start({
        ...handler,
        run(job) {
          onJob(job);
          return handler.run(job);
        },
      }),
    close: () => consumer.close(),
  };
}

export interface PipelineRolesOptions {
  /** The clock scheduler and worker read (see test-clock.ts); real time when absent. */
  now?: () => number;
}

/** Scheduler and worker roles wired in-process on the real Redis and Postgres. */
export function createPipelineRoles(
  db: Kysely<Database>,
  prefix: string,
  { now }: PipelineRolesOptions = {},
) {
  const connections: Redis[] = [];
  const connect = () => {
    const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(r);
    return r;
  };
  const redis = connect();
  const changes: ChangeBus = createRedisChangeBus(redis, connect(), prefix);
  const emitted: { tenantId: number; event: string; args: unknown[] }[] = [];
  const events: TenantEvents = {
    emit: (tenantId, event, ...args) => emitted.push({ tenantId, event, args }),
  };
  const closers: (() => Promise<void>)[] = [];

  const queue = createBullmqCheckQueue(redis, prefix);
  closers.push(() => queue.close());
  const checkJobs = new Queue(CHECK_QUEUE_NAME, { connection: redis, prefix });
  closers.push(() => checkJobs.close());

  return {
    changes,
    emitted,
    /** The check queue as the scheduler sees it, to enqueue jobs by hand. */
    queue,
    /** The due set as the scheduler sees it. */
    dueSet: createRedisDueSet(redis, prefix),
    /** Deletes every key under the prefix, as FLUSHALL or a Redis restart without persistence would. */
    async wipeRedis(): Promise<void> {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    },
    /**
     * Waits until nothing more happens before the clock moves: no check job waiting or
     * running, no monitor due (the Redis due set's score is the due time). Seen on two
     * polls in a row, so a claim on its way from the due set into the queue is not missed.
     */
    async settled(): Promise<void> {
      const at = (now ?? Date.now)();
      let quietPolls = 0;
      await waitFor(
        async () => {
          const counts = await checkJobs.getJobCounts(
            'waiting',
            'active',
            'prioritized',
            'delayed',
          );
          const jobs = Object.values(counts).reduce((sum, n) => sum + n, 0);
          const due = await redis.zcount(`${prefix}:due`, '-inf', at);
          quietPolls = jobs === 0 && due === 0 ? quietPolls + 1 : 0;
          return quietPolls >= 2;
        },
        { intervalMs: 50, what: 'the pipeline to settle' },
      );
    },
    async startScheduler(
      overrides: { leaseMs?: number; reconcileEveryMs?: number } = {},
    ): Promise<RunningScheduler> {
      const queue = createBullmqCheckQueue(redis, prefix);
      const scheduler = await startScheduler({
        db,
        dueSet: createRedisDueSet(redis, prefix),
        checkQueue: queue,
        changes: createRedisChangeBus(redis, connect(), prefix),
        logger: testLogger,
        tickMs: 20,
        leaseMs: overrides.leaseMs ?? 10_000,
        reconcileEveryMs: overrides.reconcileEveryMs ?? 500,
        retentionDays: null,
        now,
      });
      closers.push(async () => {
        await scheduler.close();
        await queue.close();
      });
      return scheduler;
    },
    async startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
      const consumer = createBullmqCheckConsumer({
        connection: connect(),
        prefix,
        concurrency: options.concurrency ?? 20,
        onError: () => {},
      });
      const worker = await startWorker({
        egress: options.egress,
        db,
        consumer: options.onJob ? observeJobs(consumer, options.onJob) : consumer,
        dueSet: createRedisDueSet(redis, prefix),
        changes,
        events,
        logger: testLogger,
        beatBatchSize: 100,
        beatBatchWaitMs: 5,
        retryAfterErrorMs: 500,
        now,
        tenantChecksInFlight: options.tenantChecksInFlight,
      });
      closers.push(() => worker.close());
      return worker;
    },
    /** Notification delivery on the BullMQ queue, sweeping often so tests stay quick. */
    async startDeliveryRunner(retry: RetryPolicy): Promise<RunningDeliveryRunner> {
      const deliveryQueue = createBullmqDeliveryQueue(redis, prefix);
      const runner = await startDeliveryRunner({
        db,
        queue: deliveryQueue,
        consumer: createBullmqDeliveryConsumer({
          connection: connect(),
          prefix,
          concurrency: 5,
          onError: () => {},
        }),
        logger: testLogger,
        retry,
        sweepEveryMs: 50,
        attemptTimeoutMs: 5_000,
      });
      closers.push(async () => {
        await runner.close();
        await deliveryQueue.close();
      });
      return runner;
    },
    async close() {
      for (const close of closers.reverse()) await close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await Promise.all(connections.map((c) => c.quit()));
    },
  };
}
