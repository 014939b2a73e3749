import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { beatToRecord } from '../heartbeats/beat-to-record.js';
import { recordBeats, type BeatToRecord } from '../heartbeats/record-beats.js';
import { findMonitorsUnderMaintenance } from '../maintenance/maintenance-repository.js';
import { applyCheckOutcome } from '../monitors/state-machine.js';
import { lockMonitorByPushToken, loadLockedTarget } from './push-state-repository.js';
import { pushWindowEnd } from './push-window.js';

/** What one call of the push URL says (docs/protocol/http.md#push-endpoint), already validated. */
export interface PushReport {
  status: 'up' | 'down';
  msg: string;
  pingMs: number | null;
}

/**
 * Stores the beat of one push (docs/protocol/monitoring.md#push-monitors): finds the effectively active monitor of the token,
 * applies the state machine against its previous beat and persists the beat with its state,
 * all under the monitor's row lock. Answers the stored beat for publishing, or
 * undefined when no active monitor has the token.
 */
export async function recordPush(
  db: Kysely<Database>,
  pushToken: string,
  report: PushReport,
  now: () => Date = () => new Date(),
): Promise<BeatToRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const ref = await lockMonitorByPushToken(trx, pushToken);
    if (!ref) return undefined;
    const target = await loadLockedTarget(trx, ref);
    if (!target?.effectivelyActive) return undefined;
    const { monitor, state } = target;
    // Taken under the lock: concurrent pushes of one monitor get times in the order they
    // are stored, so every duration and importance refers to the beat really before it.
    const time = now();
    // docs/protocol/monitoring.md#maintenance-effect: a push while a window covers the monitor is stored as MAINTENANCE.
    const maintained = await findMonitorsUnderMaintenance(trx, [ref], time.getTime());
    const outcome = maintained.has(monitor.id)
      ? ({ kind: 'maintenance' } as const)
      : ({ kind: 'pushed', ...report } as const);
    const transition = applyCheckOutcome(state, outcome, monitor, time);
    // A push monitor's window check moves to the end of this push's window (a job queued
    // for earlier is then skipped as served); any other type keeps its own schedule.
    const nextDueAt = monitor.type === 'push' ? pushWindowEnd(time, monitor.interval) : null;
    const beat = beatToRecord(monitor, transition, nextDueAt);
    const recorded = await recordBeats(trx, [beat]);
    return recorded.length > 0 ? beat : undefined;
  });
}
