import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { loadCheckTargets, type CheckTarget } from '../monitors/check-targets.js';
import type { MonitorRef } from '../stats/window-stats.js';

// The push endpoint and a push monitor's window check both decide from the previous beat.
// Each first takes the monitor row's FOR NO KEY UPDATE lock, so the second of two concurrent
// writers reads the first one's beat instead of overwriting it with a decision made from
// stale state. That lock lets the workers' batched beat writes (FOR KEY SHARE) through, and
// it is taken monitor row first, state row second, the order a monitor delete follows too,
// so the two cannot deadlock.

/**
 * Finds the monitor of a push token and locks it until the transaction ends. The lookup is
 * by token alone (push URLs carry no tenant); tokens are unique and unguessable.
 */
export async function lockMonitorByPushToken(
  trx: Kysely<Database>,
  pushToken: string,
): Promise<MonitorRef | undefined> {
  const row = await trx
    .selectFrom('monitors')
    .select(['id', 'tenant_id'])
    .where('push_token', '=', pushToken)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row && { monitorId: row.id, tenantId: row.tenant_id };
}

/** Locks one monitor of the tenant until the transaction ends; false when it is gone. */
export async function lockMonitor(trx: Kysely<Database>, ref: MonitorRef): Promise<boolean> {
  const row = await trx
    .selectFrom('monitors')
    .select('id')
    .where('id', '=', ref.monitorId)
    .where('tenant_id', '=', ref.tenantId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The monitor with its runtime state, read after the lock was taken so that it includes
 * whatever the previous lock holder committed.
 */
export async function loadLockedTarget(
  trx: Kysely<Database>,
  ref: MonitorRef,
): Promise<CheckTarget | undefined> {
  return (await loadCheckTargets(trx, [ref])).get(ref.monitorId);
}

/** Moves the monitor's next check without storing a beat (an open push window). */
export async function setNextDueAt(
  trx: Kysely<Database>,
  ref: MonitorRef,
  dueAt: Date,
): Promise<void> {
  await trx
    .updateTable('monitor_state')
    .set({ next_due_at: dueAt })
    .where('monitor_id', '=', ref.monitorId)
    .where('tenant_id', '=', ref.tenantId)
    .execute();
}
