import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { StoredTenantLimits } from './tenant-limits.js';
import type { TenantLimitsTable } from './tenant-limits.table.js';

function toStoredTenantLimits(row: Selectable<TenantLimitsTable>): StoredTenantLimits {
  return {
    maxMonitors: row.max_monitors,
    minIntervalSeconds: row.min_interval_seconds,
    maxTimeoutSeconds: row.max_timeout_seconds,
    maxChecksInFlight: row.max_checks_in_flight,
  };
}

/** The tenant's own limits, or undefined when it has only the operator's defaults. */
export async function findTenantLimits(
  db: Kysely<Database>,
  tenantId: number,
): Promise<StoredTenantLimits | undefined> {
  const row = await db
    .selectFrom('tenant_limits')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row && toStoredTenantLimits(row);
}

/** The in-flight caps of the given tenants that have one of their own. */
export async function findChecksInFlightLimits(
  db: Kysely<Database>,
  tenantIds: readonly number[],
): Promise<Map<number, number>> {
  if (tenantIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tenant_limits')
    .select(['tenant_id', 'max_checks_in_flight'])
    .where('tenant_id', 'in', tenantIds)
    .where('max_checks_in_flight', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.tenant_id, r.max_checks_in_flight!]));
}

/**
 * Sets the given limits of an existing tenant (a key left out keeps its value, `null` goes
 * back to the operator's default) and answers all of them.
 */
export async function saveTenantLimits(
  db: Kysely<Database>,
  tenantId: number,
  changes: Partial<StoredTenantLimits>,
): Promise<StoredTenantLimits> {
  const columns = {
    max_monitors: changes.maxMonitors,
    min_interval_seconds: changes.minIntervalSeconds,
    max_timeout_seconds: changes.maxTimeoutSeconds,
    max_checks_in_flight: changes.maxChecksInFlight,
  };
  const set = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
  const row = await db
    .insertInto('tenant_limits')
    .values({ tenant_id: tenantId, ...set })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...set, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStoredTenantLimits(row);
}
