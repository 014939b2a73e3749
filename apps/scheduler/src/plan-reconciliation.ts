import { nextSlotAfter } from '@watchpost/core';
import type { DueEntry } from '@watchpost/core/queue';
import type { SchedulableMonitor } from '@watchpost/core/db';

export interface ReconciliationPlan {
  schedule: DueEntry[];
  unschedule: number[];
}

/**
 * Compares what the database says is active with what the due set holds. Missing monitors
 * are placed on their next grid slot (not "now"), so a scheduler starting on 10,000
 * monitors spreads them over their interval instead of firing them at once.
 */
export function planReconciliation(
  active: readonly SchedulableMonitor[],
  scheduled: ReadonlySet<number>,
  now: number,
): ReconciliationPlan {
  const activeIds = new Set<number>();
  const schedule: DueEntry[] = [];
  for (const m of active) {
    activeIds.add(m.monitorId);
    if (!scheduled.has(m.monitorId)) {
      schedule.push({
        monitorId: m.monitorId,
        tenantId: m.tenantId,
        dueAt: nextSlotAfter(m.monitorId, m.interval, now),
      });
    }
  }
  const unschedule = [...scheduled].filter((id) => !activeIds.has(id));
  return { schedule, unschedule };
}
