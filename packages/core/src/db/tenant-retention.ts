import { sql, type Kysely } from 'kysely';
import { keepDataPeriodDaysOf } from '../settings/setting-values.js';
import type { Database } from './database.js';

const DAY_MS = 86_400_000;

/** Rows per DELETE: each batch is its own short statement, so no lock is held for long. */
export const RETENTION_DELETE_BATCH = 5_000;

export interface TenantRetention {
  tenantId: number;
  /** Days of beats the tenant keeps; never more than the operator's cap. */
  keepDays: number;
}

/**
 * The tenants whose own `keepDataPeriodDays` (docs/protocol/monitoring.md#data-retention) is shorter than the operator's
 * cap, with that period. Everyone else is served by dropping whole day partitions at the
 * cap: a tenant's longer setting, or "forever" (< 1), cannot keep data the operator's
 * retention removes for the whole service.
 */
export async function listShorterTenantRetentions(
  db: Kysely<Database>,
  capDays: number,
): Promise<TenantRetention[]> {
  const rows = await db
    .selectFrom('tenants as t')
    .leftJoin('tenant_settings as s', (join) =>
      join.onRef('s.tenant_id', '=', 't.id').on('s.key', '=', 'keepDataPeriodDays'),
    )
    .select(['t.id', 's.value'])
    .orderBy('t.id')
    .execute();
  return rows.flatMap((row) => {
    // A tenant that never saved the setting keeps the default, as upstream's job reads it.
    const keepDays = keepDataPeriodDaysOf(row.value);
    return keepDays !== null && keepDays < capDays ? [{ tenantId: row.id, keepDays }] : [];
  });
}

/**
 * Deletes one tenant's beats older than `before`, in batches, and answers how many went.
 * Uptime aggregates are left alone on purpose: they are pruned on their own horizons (see
 * runHousekeeping), so a short retention trims the beat history and event list without
 * turning a 30-day uptime into an N-day one. (Clearing beats by hand is a reset and removes
 * the aggregates too; see heartbeat-repository.ts.)
 */
export async function deleteTenantHeartbeatsBefore(
  db: Kysely<Database>,
  tenantId: number,
  before: Date,
  batchSize: number = RETENTION_DELETE_BATCH,
): Promise<number> {
  const monitors = await db
    .selectFrom('monitors')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  let deleted = 0;
  for (const { id } of monitors) {
    deleted += await deleteMonitorHeartbeatsBefore(db, tenantId, id, before, batchSize);
  }
  return deleted;
}

/**
 * One monitor at a time, oldest first, about `batchSize` rows per statement: each batch
 * ends at the time of its last row, found through the (monitor_id, time) index, so every
 * statement reads only the rows it deletes. (A join of a LIMITed id list against the
 * partitioned table made the planner scan every old partition per batch.) Ties at a
 * batch's end go with it, so each statement makes progress.
 */
async function deleteMonitorHeartbeatsBefore(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  before: Date,
  batchSize: number,
): Promise<number> {
  const cutoff = before.toISOString();
  let deleted = 0;
  for (;;) {
    const result = await sql`
      DELETE FROM heartbeats
      WHERE monitor_id = ${monitorId} AND tenant_id = ${tenantId}
        AND time < ${cutoff}::timestamptz
        AND time <= COALESCE((
          SELECT h.time FROM heartbeats h
          WHERE h.monitor_id = ${monitorId} AND h.time < ${cutoff}::timestamptz
          ORDER BY h.time OFFSET ${batchSize - 1} LIMIT 1
        ), ${cutoff}::timestamptz)
    `.execute(db);
    const count = Number(result.numAffectedRows ?? 0n);
    deleted += count;
    if (count < batchSize) return deleted;
  }
}

/** Applies every shorter tenant retention; answers the beats deleted per tenant. */
export async function applyTenantRetentions(
  db: Kysely<Database>,
  options: { capDays: number; now: Date; batchSize?: number },
): Promise<Map<number, number>> {
  const deletedByTenant = new Map<number, number>();
  for (const { tenantId, keepDays } of await listShorterTenantRetentions(db, options.capDays)) {
    const before = new Date(options.now.getTime() - keepDays * DAY_MS);
    const deleted = await deleteTenantHeartbeatsBefore(db, tenantId, before, options.batchSize);
    if (deleted > 0) deletedByTenant.set(tenantId, deleted);
  }
  return deletedByTenant;
}
