import { CHECK_QUEUE_NAME, checkJobSchema, type DueSet } from '@watchpost/core/queue';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CheckDisposition } from './check-processor.js';

export interface WorkerDeps {
  /** A dedicated connection: BullMQ workers block on it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  dueSet: DueSet;
  processCheck(job: ReturnType<typeof checkJobSchema.parse>): Promise<CheckDisposition>;
  logger: Logger;
  /** Delay before a check that failed on our side (not the target's) runs again. */
  retryAfterErrorMs?: number;
}

export interface RunningWorker {
  /** Stops taking jobs, lets running checks finish, then closes. */
  close(): Promise<void>;
}

/**
 * The BullMQ consumer. The monitor's next due time is written only after its job has left
 * the queue (the `completed`/`failed` events), so the next claim can never collide with the
 * job id of the check that is still finishing.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { dueSet, logger } = deps;
  const worker = new Worker(
    CHECK_QUEUE_NAME,
    async (job: Job) => deps.processCheck(checkJobSchema.parse(job.data)),
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
      // Jobs are removed on completion (see CHECK_JOB_OPTIONS); nothing to keep here.
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 0 },
    },
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
    },
  };
}
