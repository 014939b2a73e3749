import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { isUnderMaintenance } from './maintenance-window.js';
import { toMaintenance, type ZonedMaintenanceRow } from './maintenance-row.js';

// docs/protocol/monitoring.md#maintenance-effect: a monitor is under maintenance when a window linked to it, or to any group
// above it, is open. Read from the database on every check so that every worker agrees and
// nothing has to be scheduled or kept in memory; the window maths then runs in process.

// Same bound as the group walk in check-targets: a corrupted parent chain cannot loop.
const MAX_GROUP_DEPTH = 64;

// serverTimeZoneSetting, for the raw queries below (`mt` is the maintenance).
const SERVER_TIME_ZONE_SQL = sql.raw(
  `(SELECT ts.value FROM tenant_settings ts WHERE ts.tenant_id = mt.tenant_id AND ts.key = 'serverTimezone') AS server_time_zone`,
);

/**
 * Which of a batch of monitors are under maintenance at `now`, in one query for the batch.
 * Each ref carries its tenant, so a job never sees another tenant's windows.
 */
export async function findMonitorsUnderMaintenance(
  db: Kysely<Database>,
  refs: readonly { monitorId: number; tenantId: number }[],
  now: number,
): Promise<Set<number>> {
  if (refs.length === 0) return new Set();
  const { rows } = await sql<ZonedMaintenanceRow & { covered_id: number }>`
    WITH RECURSIVE chain(covered_id, tenant_id, ancestor_id, depth) AS (
      SELECT m.id, m.tenant_id, m.id, 0
      FROM unnest(${refs.map((r) => r.monitorId)}::int[], ${refs.map((r) => r.tenantId)}::int[])
        AS ref(monitor_id, tenant_id)
      JOIN monitors m ON m.id = ref.monitor_id AND m.tenant_id = ref.tenant_id
      UNION ALL
      SELECT chain.covered_id, chain.tenant_id, p.parent, chain.depth + 1
      FROM chain JOIN monitors p ON p.id = chain.ancestor_id
      WHERE p.parent IS NOT NULL AND chain.depth < ${MAX_GROUP_DEPTH}
    )
    SELECT chain.covered_id, mt.*, ${SERVER_TIME_ZONE_SQL}
    FROM chain
    JOIN monitor_maintenances mm
      ON mm.monitor_id = chain.ancestor_id AND mm.tenant_id = chain.tenant_id
    JOIN maintenances mt ON mt.id = mm.maintenance_id AND mt.tenant_id = chain.tenant_id
    WHERE mt.active
  `.execute(db);
  return coveredIds(rows, now);
}

/**
 * The tenant's monitors directly linked to an open window (`monitorList`'s `maintenance`
 * flag; the list builder passes it down to group descendants).
 */
export async function findDirectlyMaintainedMonitors(
  db: Kysely<Database>,
  tenantId: number,
  now: number,
): Promise<Set<number>> {
  const { rows } = await sql<ZonedMaintenanceRow & { covered_id: number }>`
    SELECT mm.monitor_id AS covered_id, mt.*, ${SERVER_TIME_ZONE_SQL}
    FROM monitor_maintenances mm
    JOIN maintenances mt ON mt.id = mm.maintenance_id AND mt.tenant_id = mm.tenant_id
    WHERE mm.tenant_id = ${tenantId} AND mt.active
  `.execute(db);
  return coveredIds(rows, now);
}

function coveredIds(rows: readonly (ZonedMaintenanceRow & { covered_id: number })[], now: number) {
  const covered = new Set<number>();
  // One window often covers many monitors: decide each window once.
  const open = new Map<number, boolean>();
  for (const row of rows) {
    if (covered.has(row.covered_id)) continue;
    let isOpen = open.get(row.id);
    if (isOpen === undefined) {
      isOpen = isUnderMaintenance(toMaintenance(row), now);
      open.set(row.id, isOpen);
    }
    if (isOpen) covered.add(row.covered_id);
  }
  return covered;
}
