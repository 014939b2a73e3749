import { isDatabaseUnreachable, tenantLimitsRepository, type Database } from '@watchpost/core/db';
import type { EgressPolicy } from '@watchpost/core/egress';
import type { ChangeBus } from '@watchpost/core/changes';
import { createMicroBatcher } from '@watchpost/core';
import type { CheckConsumer, DueEntry, DueSet } from '@watchpost/core/queue';
import type { TenantEvents } from '@watchpost/core/realtime';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createBeatWriter } from './beat-writer.js';
import { createCheckConfigCache } from './check-config-cache.js';
import { createCheckProcessor, type CheckDisposition } from './check-processor.js';
import { runCheck } from './checks/run-check.js';
import { createTenantFairness } from './tenant-fairness.js';
import { silentObserver, type WorkerObserver } from './worker-observer.js';

const DATABASE_AWAY_RETRY_MS = 1_000;

export interface WorkerDeps {
  db: Kysely<Database>;
  /** Where check jobs come from; it also bounds how many run at once. */
  consumer: CheckConsumer;
  dueSet: DueSet;
  /** Monitor changes, which drop the configs this worker keeps between checks. */
  changes: ChangeBus;
  events: TenantEvents;
  logger: Logger;
  beatBatchSize: number;
  beatBatchWaitMs: number;
  /** How long beats are held while the database is unreachable (default 60 s). */
  beatHoldMs?: number;
  observer?: WorkerObserver;
  /** Delay before a check that failed on our side (not the target's) runs again. */
  retryAfterErrorMs?: number;
  /** The clock beats and due times are read from (tests move it by hand). */
  now?: () => number;
  /**
   * Checks of one tenant this worker runs at once, for tenants without a cap of their own
   * (architecture rule 13). Absent: no cap (embedded mode, one owner).
   */
  tenantChecksInFlight?: number | null;
  /** What checks may connect to (architecture rule 10); unset allows every address. */
  egress?: EgressPolicy;
}

export interface RunningWorker {
  /** Stops taking jobs, lets running checks finish, writes their beats, then returns. */
  close(): Promise<void>;
}

/**
 * The check runner. A monitor's next due time is written only after its check has left the
 * queue (`completed`/`failed`: the queue has let go of the monitor, though the rest of its
 * batch may still run), so the next claim never collides with the check still finishing.
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
    holdMs: deps.beatHoldMs ?? 60_000,
    onBatch: (size) => observer.beatsWritten(size),
  });
  const now = deps.now ?? Date.now;
  const configs = createCheckConfigCache(deps.db);
  await deps.changes.subscribe((change) => configs.forget(change.monitorId));
  const processCheck = createCheckProcessor({
    db: deps.db,
    beats,
    configs,
    observer,
    logger,
    runCheck: (monitor, proxy) => runCheck(monitor, proxy, deps.egress),
    now,
  });

  // One due-set write for a burst of finished checks rather than one round trip each.
  const reschedules = createMicroBatcher<DueEntry, void>({
    maxSize: 500,
    maxWaitMs: 2,
    async run(entries) {
      await dueSet.scheduleMany(entries);
      return entries.map(() => undefined);
    },
  });

  const fairness = createTenantFairness({
    defaultLimit: deps.tenantChecksInFlight ?? null,
    loadLimits: (tenantIds) => tenantLimitsRepository.findChecksInFlightLimits(deps.db, tenantIds),
    now,
  });

  await deps.consumer.start<CheckDisposition>({
    async run(job) {
      if (!(await fairness.tryAcquire(job.tenantId))) {
        observer.checkDeferred();
        return fairness.defer(job);
      }
      try {
        return await processCheck(job);
      } finally {
        fairness.release(job.tenantId);
      }
    },
    completed(_job, disposition) {
      const done =
        disposition.kind === 'reschedule'
          ? reschedules.submit({
              monitorId: disposition.monitorId,
              tenantId: disposition.tenantId,
              dueAt: disposition.dueAt,
            })
          : dueSet.unschedule(disposition.monitorId);
      done.catch((error: unknown) => {
        // The claim's lease brings the monitor back even if this write is lost.
        logger.warn({ err: error, monitorId: disposition.monitorId }, 'could not reschedule');
      });
    },
    failed(job, error) {
      logger.error({ err: error, monitorId: job?.monitorId }, 'check job failed');
      if (!job) return;
      // A database that is away failed the check before it ran: nothing to spare the
      // target from, so try again soon and be on schedule as soon as the database is back.
      const delay = isDatabaseUnreachable(error)
        ? DATABASE_AWAY_RETRY_MS
        : (deps.retryAfterErrorMs ?? 15_000);
      const retryAt = now() + delay;
      dueSet.schedule(job.monitorId, job.tenantId, retryAt).catch(() => {});
    },
  });

  return {
    async close() {
      await deps.consumer.close();
      await reschedules.flush();
      await beats.flush();
    },
  };
}
