import { createMicroBatcher, nextSlotAfter } from '@watchpost/core';
import { checkTargetRepository, runHousekeeping, type Database } from '@watchpost/core/db';
import type { CheckQueue, DueSet } from '@watchpost/core/queue';
import type { MonitorChange, ChangeBus } from '@watchpost/core/changes';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createFirstCheckBudget } from './first-check-budget.js';
import { planReconciliation } from './plan-reconciliation.js';
import { silentSchedulerObserver, type SchedulerObserver } from './scheduler-observer.js';

export interface SchedulerDeps {
  db: Kysely<Database>;
  dueSet: DueSet;
  checkQueue: CheckQueue;
  changes: ChangeBus;
  logger: Logger;
  /** How often due monitors are claimed; bounds the lateness the scheduler adds. */
  tickMs: number;
  /** A claimed monitor whose job never reports back is due again after this. */
  leaseMs: number;
  reconcileEveryMs: number;
  /** The operator's heartbeat retention cap in days; null disables housekeeping (tests). */
  retentionDays: number | null;
  housekeepingEveryMs?: number;
  /** How often the scheduler looks for a lost due set (default 1 s: one EXISTS a second). */
  lossWatchMs?: number;
  now?: () => number;
  observer?: SchedulerObserver;
  /** Started monitors a second whose first check runs at once (default 50); see FirstCheckBudget. */
  immediateFirstChecksPerSecond?: number;
}

export interface RunningScheduler {
  /** Runs one claim-and-enqueue pass now (tests, benchmarks). */
  tick(): Promise<number>;
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

const CLAIM_BATCH = 2000;
const DEFAULT_IMMEDIATE_FIRST_CHECKS_PER_SECOND = 50;

/**
 * Keeps every active monitor due and turns due monitors into check jobs. Replicas can run
 * side by side: a claim is atomic in Redis, so each slot is enqueued once, and the job id
 * per monitor keeps a second copy out of the queue in any case.
 */
export async function startScheduler(deps: SchedulerDeps): Promise<RunningScheduler> {
  const { dueSet, checkQueue, logger } = deps;
  const now = deps.now ?? Date.now;
  const observer = deps.observer ?? silentSchedulerObserver;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();

  async function tick(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await dueSet.claimDue(now(), CLAIM_BATCH, deps.leaseMs);
      if (due.length > 0) {
        await checkQueue.enqueue(
          due.map((e) => ({ monitorId: e.monitorId, tenantId: e.tenantId, dueAt: e.dueAt })),
        );
        observer.checksClaimed(due.length);
      }
      total += due.length;
      if (due.length < CLAIM_BATCH || stopped) return total;
    }
  }

  // A failed reconciliation (the database away) is tried again by the watch below every
  // second, so a due set wiped meanwhile is refilled as soon as the database answers.
  let reconcileFailed = false;

  async function reconcile(): Promise<void> {
    // Marked before the snapshot: a wipe while this runs takes the mark, and the next
    // watch brings the set back.
    await dueSet.markFilled();
    try {
      // Read the due set before the database: a monitor added in between is then simply
      // absent from both snapshots and left alone.
      const scheduled = await dueSet.scheduledIds();
      const active = await checkTargetRepository.listSchedulableMonitors(deps.db);
      const plan = planReconciliation(active, scheduled, now());
      await dueSet.scheduleMany(plan.schedule);
      for (const id of plan.unschedule) await dueSet.unschedule(id);
      reconcileFailed = false;
      if (plan.schedule.length > 0 || plan.unschedule.length > 0) {
        logger.info(
          { scheduled: plan.schedule.length, unscheduled: plan.unschedule.length },
          'reconciled due set with the database',
        );
      }
    } catch (error) {
      reconcileFailed = true;
      throw error;
    }
  }

  /**
   * Redis holds no data of record, so a FLUSHALL or a Redis restart without persistence
   * empties the due set; checks would stop until the next reconciliation. The lost mark
   * gives that away within a second, and the set is rebuilt from the database at once.
   */
  async function refillIfLost(): Promise<void> {
    const lost = !(await dueSet.isFilled());
    if (!lost && !reconcileFailed) return;
    if (lost) {
      logger.warn(
        'the due set was lost (Redis wiped or restarted empty): refilling it from the database',
      );
    }
    await reconcile();
  }

  const firstChecks = createFirstCheckBudget(
    deps.immediateFirstChecksPerSecond ?? DEFAULT_IMMEDIATE_FIRST_CHECKS_PER_SECOND,
    now,
  );
  // The starts past the budget, placed on their slots together: one query, one due-set write.
  const slotted = createMicroBatcher<MonitorChange, void>({
    maxSize: CLAIM_BATCH,
    maxWaitMs: 20,
    async run(changes) {
      const intervals = await checkTargetRepository.findCheckIntervals(deps.db, changes);
      const at = now();
      await dueSet.scheduleMany(
        changes.flatMap((c) => {
          const interval = intervals.get(c.monitorId);
          // Deleted meanwhile: reconciliation has nothing to bring back either.
          if (interval === undefined) return [];
          const dueAt = nextSlotAfter(c.monitorId, interval, at);
          return [{ monitorId: c.monitorId, tenantId: c.tenantId, dueAt }];
        }),
      );
      return changes.map(() => undefined);
    },
  });

  async function applyChange(change: MonitorChange): Promise<void> {
    if (change.kind === 'upsert') {
      // Added, resumed or edited: the first check runs immediately (docs/protocol/monitors.md),
      // unless a burst of starts (an import) spends the budget: then it waits for its slot.
      if (firstChecks.take()) await dueSet.schedule(change.monitorId, change.tenantId, now());
      else await slotted.submit(change);
    } else {
      await dueSet.unschedule(change.monitorId);
      await checkQueue.removeWaiting(change.monitorId);
    }
  }

  /** Runs `run` every `ms`, never overlapping itself; close() waits for a run in progress. */
  function every(ms: number, name: string, run: () => Promise<unknown>) {
    let running = false;
    const timer = setInterval(() => {
      if (running || stopped) return;
      running = true;
      const done = run()
        .catch((error: unknown) => logger.error({ err: error }, `${name} failed`))
        .finally(() => {
          running = false;
          inFlight.delete(done);
        });
      inFlight.add(done);
    }, ms);
    timers.push(timer);
  }

  await deps.changes.subscribe((change) => {
    applyChange(change).catch((error: unknown) =>
      logger.error({ err: error, change }, 'could not apply monitor change'),
    );
  });
  await reconcile();
  every(deps.tickMs, 'tick', tick);
  every(deps.reconcileEveryMs, 'reconcile', reconcile);
  every(deps.lossWatchMs ?? 1_000, 'due set watch', refillIfLost);
  const { retentionDays } = deps;
  if (retentionDays !== null) {
    // `retentionDays` is the operator's cap; tenants' shorter settings apply inside it.
    const housekeeping = async () => {
      const { droppedPartitions, trimmedBeats } = await runHousekeeping(deps.db, { retentionDays });
      if (droppedPartitions.length > 0 || trimmedBeats.size > 0) {
        logger.info(
          { droppedPartitions, trimmedBeats: Object.fromEntries(trimmedBeats) },
          'housekeeping removed old heartbeats',
        );
      }
    };
    await housekeeping().catch((error: unknown) =>
      logger.error({ err: error }, 'housekeeping failed'),
    );
    every(deps.housekeepingEveryMs ?? 3_600_000, 'housekeeping', housekeeping);
  }

  return {
    tick,
    reconcile,
    async close() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all([...inFlight]);
    },
  };
}
