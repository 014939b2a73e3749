import {
  applyCheckOutcome,
  createMicroBatcher,
  type Monitor,
  type CheckResult,
  type CheckProxy,
} from '@watchpost/core';
import {
  beatToRecord,
  maintenanceRepository,
  type CheckTarget,
  type Database,
} from '@watchpost/core/db';
import { deliveryRepository, findCertExpiryNotices } from '@watchpost/core/notifications';
import type { CheckJob } from '@watchpost/core/queue';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { BeatWriter } from './beat-writer.js';
import type { CheckConfigCache } from './check-config-cache.js';
import { runPushCheck } from './checks/push-check.js';
import { nextCheckDueAt } from './next-check-due.js';
import { runMonitorCheck } from './run-monitor-check.js';
import type { WorkerObserver } from './worker-observer.js';

export interface CheckProcessorDeps {
  db: Kysely<Database>;
  beats: BeatWriter;
  /** Where monitors and their state come from (configs kept between checks). */
  configs: CheckConfigCache;
  observer: WorkerObserver;
  logger: Logger;
  /** `proxy`: the monitor's own tenant's proxy its HTTP request goes through, if any. */
  runCheck(monitor: Monitor, proxy?: CheckProxy | null): Promise<CheckResult>;
  now?: () => number;
  /** How long a burst of jobs waits to share one state query. */
  loadBatchWaitMs?: number;
}

type MaintainedTarget = CheckTarget & { underMaintenance: boolean };

/** What to do with the monitor's place in the due set once its job is finished. */
export type CheckDisposition =
  | { kind: 'reschedule'; monitorId: number; tenantId: number; dueAt: number }
  | { kind: 'unschedule'; monitorId: number };

/**
 * One check job: load the monitor and its state, run the check, apply the pure state
 * machine, persist the beat (which publishes it), and say when the monitor is due next.
 */
export function createCheckProcessor(deps: CheckProcessorDeps) {
  const now = deps.now ?? Date.now;
  const targets = createMicroBatcher<CheckJob, MaintainedTarget | null>({
    maxSize: 500,
    maxWaitMs: deps.loadBatchWaitMs ?? 2,
    async run(jobs) {
      // Maintenance is read from the database for each batch (docs/protocol/monitoring.md#maintenance-effect), so every worker
      // sees a window open and close at the same moment without shared memory.
      const [found, maintained] = await Promise.all([
        deps.configs.load(jobs),
        maintenanceRepository.findMonitorsUnderMaintenance(deps.db, jobs, now()),
      ]);
      return jobs.map((j) => {
        const target = found.get(j.monitorId);
        return target ? { ...target, underMaintenance: maintained.has(j.monitorId) } : null;
      });
    },
  });

  /** docs/protocol/monitoring.md#important-beats-and-notifications certificate reminders; the beat is stored already, so a failure only logs. */
  async function remindOfExpiringCertificates(monitor: Monitor, result: CheckResult) {
    if (!result.tls) return;
    try {
      // The tenant's own thresholds (docs/protocol/settings.md#settings-object `tlsExpiryNotifyDays`).
      const notices = await findCertExpiryNotices(deps.db, monitor, result.tls);
      if (notices.length === 0) return;
      await deliveryRepository.recordCertExpiryNotices(
        deps.db,
        {
          tenantId: monitor.tenantId,
          monitorId: monitor.id,
          monitorName: monitor.name,
          leafFingerprint: result.tls.certInfo.fingerprint256,
        },
        notices,
      );
    } catch (error) {
      deps.logger.warn(
        { err: error, monitorId: monitor.id },
        'could not record certificate reminders',
      );
    }
  }

  return async function processCheck(job: CheckJob): Promise<CheckDisposition> {
    const startedAt = now();
    deps.observer.checkStarted(startedAt - job.dueAt);
    const target = await targets.submit(job);
    if (!target || !target.effectivelyActive) {
      deps.observer.checkFinished('unknown', 'skipped', now() - startedAt);
      return { kind: 'unschedule', monitorId: job.monitorId };
    }
    const { monitor, state } = target;
    const reschedule = (dueAt: number): CheckDisposition => ({
      kind: 'reschedule',
      monitorId: monitor.id,
      tenantId: monitor.tenantId,
      dueAt,
    });
    if (target.nextDueAt && job.dueAt < target.nextDueAt.getTime()) {
      // A stale job: the last check already served this slot and chose the next one. (The
      // scheduler can re-claim a monitor between that check's job leaving the queue and
      // its reschedule.) Running again would be two checks for one slot.
      deps.observer.checkFinished(monitor.type, 'skipped', now() - startedAt);
      return reschedule(target.nextDueAt.getTime());
    }
    if (target.underMaintenance) {
      // docs/protocol/monitoring.md#scheduling-retries-and-resend step 3: no check runs; the state machine makes a MAINTENANCE beat that
      // never notifies.
      const at = now();
      const transition = applyCheckOutcome(state, { kind: 'maintenance' }, monitor, new Date(at));
      const dueAt = nextCheckDueAt(monitor, transition, at);
      await deps.beats.write(beatToRecord(monitor, transition, new Date(dueAt)));
      deps.observer.checkFinished(monitor.type, 'skipped', now() - startedAt);
      return reschedule(dueAt);
    }
    if (monitor.type === 'push') {
      // Passive: the beats come from the push endpoint; this only notices their absence.
      const pushed = await runPushCheck(deps.db, job, now);
      if (pushed.kind === 'inactive') {
        deps.observer.checkFinished(monitor.type, 'skipped', now() - startedAt);
        return { kind: 'unschedule', monitorId: job.monitorId };
      }
      if (pushed.kind === 'missed') await deps.beats.publish([pushed.beat]);
      const status = pushed.kind === 'missed' ? 'down' : 'up';
      deps.observer.checkFinished(monitor.type, status, now() - startedAt);
      return reschedule(pushed.dueAt);
    }
    const { result, outcome } = await runMonitorCheck(
      { db: deps.db, runCheck: (m) => deps.runCheck(m, target.proxy) },
      monitor,
    );
    const finishedAt = now();
    const transition = applyCheckOutcome(state, outcome, monitor, new Date(finishedAt));
    const nextDueAt = nextCheckDueAt(monitor, transition, finishedAt);
    await deps.beats.write({
      ...beatToRecord(monitor, transition, new Date(nextDueAt)),
      tls: result.tls,
    });
    await remindOfExpiringCertificates(monitor, result);
    deps.observer.checkFinished(monitor.type, result.status, now() - startedAt);
    return reschedule(nextDueAt);
  };
}
