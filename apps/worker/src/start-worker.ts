import type { Database } from '@watchpost/core/db';
import { CHECK_QUEUE_NAME, checkJobSchema, type DueSet } from '@watchpost/core/queue';
import type { TenantEvents } from '@watchpost/core/realtime';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createBeatWriter } from './beat-writer.js';
import { createCheckProcessor, type CheckDisposition } from './check-processor.js';
import { runCheck } from './checks/run-check.js';
import { silentObserver, type WorkerObserver } from './worker-observer.js';

export interface WorkerDeps {
  db: Kysely<Database>;
  /** A dedicated connection: BullMQ workers block on it. */
  connection: Redis;
  prefix: string;
  dueSet: DueSet;
  events: TenantEvents;
  logger: Logger;
  concurrency: number;
  beatBatchSize: number;
  beatBatchWaitMs: number;
  observer?: WorkerObserver;
  /** Delay before a check that failed on our side (not the target's) runs again. */
  retryAfterErrorMs?: number;
}

export interface RunningWorker {
  /** Stops taking jobs, lets running checks finish, writes their beats, then returns. */
  close(): Promise<void>;
}

/**
 * The check consumer. A monitor's next due time is written only after its job has left the
 * queue (the `completed`/`failed` events), so the next claim never collides with the job id
 * of the check that is still finishing.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { dueSet, logger } = deps;
  const observer = deps.observer ?? silentObserver;
  const beats = createBeatWriter({
    db: deps.db,
    events: deps.events,
    logger,
    maxBatch: deps.beatBatchSize,
    maxWaitMs: deps.beatBatchWaitMs,
    onBatch: (size) => observer.beatsWritten(size),
  });
  const processCheck = createCheckProcessor({ db: deps.db, beats, observer, runCheck });

  const worker = new Worker(
    CHECK_QUEUE_NAME,
    async (job: Job) => processCheck(checkJobSchema.parse(job.data)),
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency },
  );

  worker.on('completed', (_job, disposition: CheckDisposition) => {
    const done =
      disposition.kind === 'reschedule'
        ? dueSet.schedule(disposition.monitorId, disposition.tenantId, disposition.dueAt)
        : dueSet.unschedule(disposition.monitorId);
    done.catch((error: unknown) => {
      // The claim's lease brings the monitor back even if this write is lost.
      logger.warn({ err: error, monitorId: disposition.monitorId }, 'could not reschedule');
    });
  });
  worker.on('failed', (job, error) => {
    logger.error({ err: error, jobId: job?.id }, 'check job failed');
    const parsed = checkJobSchema.safeParse(job?.data);
    if (!parsed.success) return;
    const retryAt = Date.now() + (deps.retryAfterErrorMs ?? 15_000);
    dueSet.schedule(parsed.data.monitorId, parsed.data.tenantId, retryAt).catch(() => {});
  });
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));

  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await beats.flush();
    },
  };
}
