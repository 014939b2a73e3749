import type { CheckOutcome, CheckResult, Monitor } from '@watchpost/core';
import { monitorRepository, type Database } from '@watchpost/core/db';
import type { Kysely } from 'kysely';
import { runGroupCheck } from './checks/group-check.js';

export interface MonitorCheck {
  /** What the check found, for metrics and certificate facts. */
  result: CheckResult;
  /** What the state machine is to make of it. */
  outcome: CheckOutcome;
}

/**
 * Runs one active check and translates it for the state machine. Groups read their children
 * from the database instead of calling a target, and their PENDING verdict has no place in a
 * `CheckResult`, so they take their own path here rather than through `runCheck`.
 */
export async function runMonitorCheck(
  deps: { db: Kysely<Database>; runCheck(monitor: Monitor): Promise<CheckResult> },
  monitor: Monitor,
): Promise<MonitorCheck> {
  if (monitor.type === 'group') {
    const outcome = await runGroupCheck(deps.db, monitor);
    const status = outcome.status === 'up' ? 'up' : 'down';
    return { result: { status, msg: outcome.msg, pingMs: null }, outcome };
  }
  const result = await deps.runCheck(monitor);
  if (monitor.type === 'dns' && result.status === 'up' && result.msg !== monitor.dnsLastResult) {
    // Written before the beat, so a client that reads the monitor on the beat sees the answer.
    await monitorRepository.setDnsLastResult(deps.db, monitor.tenantId, monitor.id, result.msg);
  }
  return { result, outcome: { kind: result.status, msg: result.msg, pingMs: result.pingMs } };
}
