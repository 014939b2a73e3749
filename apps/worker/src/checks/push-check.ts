import { applyCheckOutcome, evaluatePushWindow, MISSED_PUSH_OUTCOME } from '@watchpost/core';
import {
  beatToRecord,
  heartbeatRepository,
  pushRepository,
  type BeatToRecord,
  type Database,
  type MonitorRef,
} from '@watchpost/core/db';
import type { Kysely } from 'kysely';
import { nextCheckDueAt } from '../next-check-due.js';

export type PushCheckResult =
  /** The latest push still covers the monitor; nothing stored. */
  | { kind: 'waiting'; dueAt: number }
  /** The window was missed: this beat is stored (PENDING or DOWN, UP when upside down). */
  | { kind: 'missed'; beat: BeatToRecord; dueAt: number }
  /** Deleted or paused meanwhile. */
  | { kind: 'inactive' };

/**
 * A push monitor's scheduled check (docs/protocol/monitoring.md#push-monitors): no I/O towards a target, only a look at the
 * latest beat. Decides and writes under the monitor's row lock, the one the push endpoint
 * takes, so a push arriving at the end of the window is never overwritten by a "missed"
 * decision made from the state before it. The caller publishes the beat after the commit.
 */
export async function runPushCheck(
  db: Kysely<Database>,
  ref: MonitorRef,
  now: () => number,
): Promise<PushCheckResult> {
  return db.transaction().execute(async (trx): Promise<PushCheckResult> => {
    if (!(await pushRepository.lockMonitor(trx, ref))) return { kind: 'inactive' };
    const target = await pushRepository.loadLockedTarget(trx, ref);
    if (!target?.effectivelyActive) return { kind: 'inactive' };
    const { monitor, state } = target;
    const at = now();
    const decision = evaluatePushWindow(
      {
        status: state.status,
        lastBeatAt: state.lastBeatAt,
        justStarted: target.nextDueAt === null,
      },
      monitor,
      new Date(at),
    );
    if (decision.kind === 'wait') {
      // Stored so that the wait survives this job: a later job finds the monitor no longer
      // "just started", and one queued for before the end of the window is skipped.
      await pushRepository.setNextDueAt(trx, ref, decision.until);
      return { kind: 'waiting', dueAt: decision.until.getTime() };
    }
    const transition = applyCheckOutcome(state, MISSED_PUSH_OUTCOME, monitor, new Date(at));
    const dueAt = nextCheckDueAt(monitor, transition, at);
    const beat = beatToRecord(monitor, transition, new Date(dueAt));
    const recorded = await heartbeatRepository.recordBeats(trx, [beat]);
    return recorded.length > 0 ? { kind: 'missed', beat, dueAt } : { kind: 'inactive' };
  });
}
