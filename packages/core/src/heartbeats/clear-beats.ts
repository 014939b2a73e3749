import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// The "clear" actions of spec §3.1, scoped to one tenant (upstream checks no ownership; here
// another tenant's monitor id clears nothing). Uptime and average ping come from the stat_*
// aggregates (DESIGN rule 8), so whatever removes beats removes the buckets they were summed
// into in the same transaction: cleared history must not live on in the uptime.

const STAT_TABLES = ['stat_minutely', 'stat_hourly', 'stat_daily'] as const;

/** `clearEvents`: the monitor's beats stay but lose their message and importance. */
export async function clearMonitorEvents(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  // Status is untouched, so the aggregates stay true.
  await db
    .updateTable('heartbeats')
    .set({ msg: '', important: false })
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where((eb) => eb.or([eb('important', '=', true), eb('msg', '!=', '')]))
    .execute();
}

/** `clearHeartbeats`: every beat of the monitor, and its aggregates. */
export async function clearMonitorHeartbeats(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('heartbeats')
      .where('tenant_id', '=', tenantId)
      .where('monitor_id', '=', monitorId)
      .execute();
    for (const table of STAT_TABLES) {
      await trx
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where('monitor_id', '=', monitorId)
        .execute();
    }
  });
}

/** `clearStatistics`: every beat and aggregate of every monitor of the tenant. */
export async function clearTenantStatistics(db: Kysely<Database>, tenantId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('heartbeats').where('tenant_id', '=', tenantId).execute();
    for (const table of STAT_TABLES) {
      await trx.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
    }
  });
}
