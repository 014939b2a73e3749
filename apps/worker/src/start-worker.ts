import type { Database } from '@watchpost/core/db';
import type { EgressPolicy } from '@watchpost/core/egress';
import type { CheckConsumer, DueSet } from '@watchpost/core/queue';
import type { TenantEvents } from '@watchpost/core/realtime';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createBeatWriter } from './beat-writer.js';
import { createCheckProcessor, type CheckDisposition } from './check-processor.js';
import { runCheck } from './checks/run-check.js';
import { silentObserver, type WorkerObserver } from './worker-observer.js';

export interface WorkerDeps {
  db: Kysely<Database>;
  /** Where check jobs come from; it also bounds how many run at once. */
  consumer: CheckConsumer;
  dueSet: DueSet;
  events: TenantEvents;
  logger: Logger;
  beatBatchSize: number;
  beatBatchWaitMs: number;
  observer?: WorkerObserver;
  /** Delay before a check that failed on our side (not the target's) runs again. */
  retryAfterErrorMs?: number;
  /** The clock beats and due times are read from (tests move it by hand). */
  now?: () => number;
  /** What checks may connect to (architecture rule 10); unset allows every address. */
  egress?: EgressPolicy;
}

export interface RunningWorker {
  /** Stops taking jobs, lets running checks finish, writes their beats, then returns. */
  close(): Promise<void>;
}

/**
 * The check runner. A monitor's next due time is written only after its job has left the
 * queue (`completed`/`failed`), so the next claim never collides with the job of the check
 * that is still finishing.
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
  const now = deps.now ?? Date.now;
  const processCheck = createCheckProcessor({
    db: deps.db,
    beats,
    observer,
    logger,
    runCheck: (monitor, proxy) => runCheck(monitor, proxy, deps.egress),
    now,
  });

  await deps.consumer.start<CheckDisposition>({
    run: processCheck,
    completed(_job, disposition) {
      const done =
        disposition.kind === 'reschedule'
          ? dueSet.schedule(disposition.monitorId, disposition.tenantId, disposition.dueAt)
          : dueSet.unschedule(disposition.monitorId);
      done.catch((error: unknown) => {
        // The claim's lease brings the monitor back even if this write is lost.
        logger.warn({ err: error, monitorId: disposition.monitorId }, 'could not reschedule');
      });
    },
    failed(job, error) {
      logger.error({ err: error, monitorId: job?.monitorId }, 'check job failed');
      if (!job) return;
      const retryAt = now() + (deps.retryAfterErrorMs ?? 15_000);
      dueSet.schedule(job.monitorId, job.tenantId, retryAt).catch(() => {});
    },
  });

  return {
    async close() {
      await deps.consumer.close();
      await beats.flush();
    },
  };
}
