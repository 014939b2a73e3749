import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createMicroBatcher } from '../batching/micro-batcher.js';
import { DEFAULT_JOB_LOCK_MS } from './bullmq-consumer.js';
import { CHECK_QUEUE_NAME, checkBatchSchema, type CheckJob } from './check-job.js';
import { createCheckHolds, type CheckHolds } from './check-holds.js';
import type { CheckConsumer, JobHandler } from './ports.js';

export interface BullmqCheckConsumerOptions {
  /** A dedicated connection: the consumer blocks on a copy of it while the queue is empty. */
  connection: Redis;
  prefix: string;
  /** Checks (not batches) in flight at once. */
  concurrency: number;
  lockMs?: number | undefined;
  onError(error: Error): void;
}

// How long an idle consumer blocks waiting for a batch before it asks again; also how long
// `close` may wait for that wait to end.
const IDLE_WAIT_SECONDS = 0.5;
const FETCH_RETRY_MS = 1_000;

/**
 * Runs check batches from the shared BullMQ queue; many worker processes can consume it.
 *
 * Concurrency is counted in checks: the consumer takes another batch whenever fewer than
 * `concurrency` of the checks it has taken are unfinished, and each check starts as soon as
 * a slot is free, in the order taken, so one slow check holds one slot, never its batch's
 * others nor the next batch. A batch's job stays active (its lock renewed) until its last
 * check has finished, so a killed worker's batch runs again elsewhere within about
 * `2 × lockMs` (see bullmq-consumer.ts); the holds (check-holds.ts) make that rerun skip
 * the checks that had finished, and a finished check lets go of its monitor at once, before
 * `completed`, rather than when its whole batch is done.
 *
 * BullMQ's own loop counts jobs, not what they carry, so batches are fetched by hand
 * (`getNextJob`), as BullMQ documents for manual processing: locks are renewed here and
 * the stalled-job sweep is started here.
 */
export function createBullmqCheckConsumer(options: BullmqCheckConsumerOptions): CheckConsumer {
  const lockMs = options.lockMs ?? DEFAULT_JOB_LOCK_MS;
  let worker: Worker | undefined;
  let holds: CheckHolds | undefined;
  let closing = false;
  let fetching: Promise<void> | undefined;
  let renewal: NodeJS.Timeout | undefined;
  /** Checks taken from the queue and not finished: running, or waiting here for a slot. */
  let taken = 0;
  let running = 0;
  const waitingForSlot: (() => void)[] = [];
  let wakeFetcher: (() => void) | undefined;
  /** Batch jobs this consumer holds active: job id → lock token. */
  const activeBatches = new Map<string, string>();
  const batchRuns = new Set<Promise<void>>();

  // One round trip lets go of a burst of finished checks.
  const releases = createMicroBatcher<{ monitorId: number; batchId: string }, void>({
    maxSize: 500,
    maxWaitMs: 2,
    async run(finished) {
      await holds!.release(finished);
      return finished.map(() => undefined);
    },
  });

  function wake(): void {
    const w = wakeFetcher;
    wakeFetcher = undefined;
    w?.();
  }

  function acquireSlot(): Promise<void> {
    if (running < options.concurrency) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waitingForSlot.push(resolve));
  }

  function releaseSlot(): void {
    const next = waitingForSlot.shift();
    if (next) next();
    else running--;
  }

  function report(report: () => void): void {
    try {
      report();
    } catch (error) {
      options.onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async function runCheck<R>(
    handler: JobHandler<CheckJob, R>,
    check: CheckJob,
    batchId: string,
  ): Promise<void> {
    await acquireSlot();
    let outcome: { ok: true; result: R } | { ok: false; error: Error };
    try {
      outcome = { ok: true, result: await handler.run(check) };
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
    releaseSlot();
    taken--;
    wake();
    // Let go of the monitor first: `completed` reschedules it, and its next check must
    // find it free. A lost release is taken over by the next enqueue after the grace.
    await releases
      .submit({ monitorId: check.monitorId, batchId })
      .catch((error: unknown) => options.onError(error as Error));
    if (outcome.ok) report(() => handler.completed(check, outcome.result));
    else report(() => handler.failed(check, outcome.error));
  }

  async function runBatch<R>(
    handler: JobHandler<CheckJob, R>,
    job: Job,
    token: string,
    checks: CheckJob[],
  ): Promise<void> {
    const batchId = job.id!;
    let held: boolean[];
    try {
      held = await holds!.take(
        batchId,
        checks.map((c) => c.monitorId),
      );
    } catch (error) {
      // Left to lapse: the stalled-job sweep gives the batch to a worker that can take it.
      options.onError(error as Error);
      activeBatches.delete(batchId);
      taken -= checks.length;
      wake();
      return;
    }
    // Checks the batch no longer holds were dropped while queued or finished before the
    // batch stalled; they do not run.
    taken -= held.filter((h) => !h).length;
    wake();
    await Promise.all(checks.filter((_, i) => held[i]).map((c) => runCheck(handler, c, batchId)));
    activeBatches.delete(batchId);
    await job.moveToCompleted(null, token, false).catch((error: unknown) => {
      // Still active in Redis: the sweep hands it back, and its checks, let go of, are skipped.
      options.onError(error as Error);
    });
  }

  async function fetchBatches<R>(handler: JobHandler<CheckJob, R>): Promise<void> {
    const w = worker!;
    let sequence = 0;
    while (!closing) {
      if (taken >= options.concurrency) {
        await new Promise<void>((resolve) => (wakeFetcher = resolve));
        continue;
      }
      const token = `${w.id}:${sequence++}`;
      let job: Job | undefined;
      try {
        job = await w.getNextJob(token);
      } catch (error) {
        if (closing) break;
        options.onError(error as Error);
        await new Promise((resolve) => setTimeout(resolve, FETCH_RETRY_MS));
        continue;
      }
      if (!job?.id) continue;
      activeBatches.set(job.id, token);
      const parsed = checkBatchSchema.safeParse(job.data);
      if (!parsed.success) {
        activeBatches.delete(job.id);
        const error = new Error(`not a check batch: ${parsed.error.message}`);
        report(() => handler.failed(undefined, error));
        await job.moveToFailed(error, token, false).catch(options.onError);
        continue;
      }
      taken += parsed.data.checks.length;
      const run = runBatch(handler, job, token, parsed.data.checks).finally(() =>
        batchRuns.delete(run),
      );
      batchRuns.add(run);
    }
  }

  async function renewLocks(): Promise<void> {
    if (activeBatches.size === 0) return;
    const ids = [...activeBatches.keys()];
    const lost = await worker!.extendJobLocks(ids, [...activeBatches.values()], lockMs);
    for (const id of lost) options.onError(new Error(`could not renew the lock of batch ${id}`));
  }

  return {
    async start(handler) {
      holds = createCheckHolds(options.connection, options.prefix);
      worker = new Worker(CHECK_QUEUE_NAME, null, {
        connection: options.connection,
        prefix: options.prefix,
        autorun: false,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        maxStalledCount: 1,
        drainDelay: IDLE_WAIT_SECONDS,
      });
      worker.on('error', options.onError);
      await worker.waitUntilReady();
      await worker.startStalledCheckTimer();
      renewal = setInterval(() => {
        renewLocks().catch(options.onError);
      }, lockMs / 2);
      fetching = fetchBatches(handler);
    },
    async close() {
      closing = true;
      wake();
      await fetching;
      while (batchRuns.size > 0) await Promise.all([...batchRuns]);
      clearInterval(renewal);
      await releases.flush();
      await worker?.close();
    },
  };
}
