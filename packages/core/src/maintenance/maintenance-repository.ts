import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deleteTenantRow, updateTenantRow } from '../db/tenant-owned-rows.js';
import type { MaintenanceFields } from './maintenance-input.js';
import { serverTimeZoneSetting, toMaintenance } from './maintenance-row.js';
import type { Maintenance } from './maintenance.js';

// Every function takes the tenant scope; an id of another tenant behaves like a missing one.
// The coverage queries (raw SQL, in their own file) take refs that each carry their tenant.
export {
  findDirectlyMaintainedMonitors,
  findMonitorsUnderMaintenance,
} from './maintenance-coverage.js';

function toColumns(fields: MaintenanceFields) {
  return {
    title: fields.title,
    description: fields.description,
    strategy: fields.strategy,
    active: fields.active,
    start_date: fields.startDate,
    end_date: fields.endDate,
    start_time: fields.startTime,
    end_time: fields.endTime,
    weekdays: JSON.stringify(fields.weekdays),
    days_of_month: JSON.stringify(fields.daysOfMonth),
    interval_day: fields.intervalDay,
    cron: fields.cron,
    duration: fields.duration,
    timezone: fields.timezoneOption,
  };
}

export async function insertMaintenance(
  db: Kysely<Database>,
  tenantId: number,
  userId: number | null,
  fields: MaintenanceFields,
): Promise<number> {
  const row = await db
    .insertInto('maintenances')
    .values({ tenant_id: tenantId, user_id: userId, ...toColumns(fields) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMaintenance(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  fields: MaintenanceFields,
): Promise<boolean> {
  return updateTenantRow(db, 'maintenances', tenantId, id, toColumns(fields));
}

export async function findMaintenance(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<Maintenance | null> {
  const row = await db
    .selectFrom('maintenances')
    .selectAll()
    .select(serverTimeZoneSetting('maintenances.tenant_id'))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMaintenance(row) : null;
}

export async function listMaintenances(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Maintenance[]> {
  const rows = await db
    .selectFrom('maintenances')
    .selectAll()
    .select(serverTimeZoneSetting('maintenances.tenant_id'))
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return rows.map(toMaintenance);
}

/** Links go with it (foreign key cascades). */
export async function deleteMaintenance(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<boolean> {
  return deleteTenantRow(db, 'maintenances', tenantId, id);
}

export async function setMaintenanceActive(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  active: boolean,
): Promise<boolean> {
  return updateTenantRow(db, 'maintenances', tenantId, id, { active });
}

export type LinkResult = 'ok' | 'maintenance-not-found' | 'target-not-found';

/**
 * Replaces the monitors a window covers (docs/protocol/maintenance.md). All or nothing: one monitor that is
 * not the tenant's leaves the old set in place.
 */
export async function setMaintenanceMonitors(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  monitorIds: readonly number[],
): Promise<LinkResult> {
  return replaceLinks(db, tenantId, id, monitorIds, {
    async countOwned(trx, ids) {
      const owned = await trx
        .selectFrom('monitors')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .execute();
      return owned.length;
    },
    async relink(trx, ids) {
      await trx.deleteFrom('monitor_maintenances').where('maintenance_id', '=', id).execute();
      if (ids.length === 0) return;
      await trx
        .insertInto('monitor_maintenances')
        .values(
          ids.map((monitorId) => ({
            tenant_id: tenantId,
            maintenance_id: id,
            monitor_id: monitorId,
          })),
        )
        .execute();
    },
  });
}

export async function listMaintenanceMonitors(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ id: number }[]> {
  // docs/protocol/maintenance.md: `[{id}]`, as upstream since 1.21 (earlier versions added the name).
  return db
    .selectFrom('monitor_maintenances as mm')
    .innerJoin('monitors as m', (join) =>
      join.onRef('m.id', '=', 'mm.monitor_id').onRef('m.tenant_id', '=', 'mm.tenant_id'),
    )
    .select('m.id')
    .where('mm.tenant_id', '=', tenantId)
    .where('mm.maintenance_id', '=', id)
    .orderBy('m.id')
    .execute();
}

/** Replaces the status pages showing a window; every page must be the tenant's. */
export async function setMaintenanceStatusPages(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  pageIds: readonly number[],
): Promise<LinkResult> {
  return replaceLinks(db, tenantId, id, pageIds, {
    countOwned: async (trx, ids) => (await statusPageTitles(trx, tenantId, ids)).length,
    async relink(trx, ids) {
      await trx.deleteFrom('maintenance_status_pages').where('maintenance_id', '=', id).execute();
      if (ids.length === 0) return;
      await trx
        .insertInto('maintenance_status_pages')
        .values(
          ids.map((pageId) => ({
            tenant_id: tenantId,
            maintenance_id: id,
            status_page_id: pageId,
          })),
        )
        .execute();
    },
  });
}

export async function listMaintenanceStatusPages(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ id: number; title: string }[]> {
  const links = await db
    .selectFrom('maintenance_status_pages')
    .select('status_page_id')
    .where('tenant_id', '=', tenantId)
    .where('maintenance_id', '=', id)
    .execute();
  if (links.length === 0) return [];
  return statusPageTitles(
    db,
    tenantId,
    links.map((l) => l.status_page_id),
  );
}

/**
 * The windows a status page shows (its public `maintenanceList`, docs/protocol/status-pages.md#json-endpoints), in id order;
 * the caller keeps those whose status is `under-maintenance`, as Kuma does.
 */
export async function listStatusPageMaintenances(
  db: Kysely<Database>,
  tenantId: number,
  statusPageId: number,
): Promise<Maintenance[]> {
  const rows = await db
    .selectFrom('maintenance_status_pages as msp')
    .innerJoin('maintenances as m', (join) =>
      join.onRef('m.id', '=', 'msp.maintenance_id').onRef('m.tenant_id', '=', 'msp.tenant_id'),
    )
    .selectAll('m')
    .select(serverTimeZoneSetting('m.tenant_id'))
    .where('msp.tenant_id', '=', tenantId)
    .where('msp.status_page_id', '=', statusPageId)
    .orderBy('m.id')
    .execute();
  return rows.map(toMaintenance);
}

/** One kind of target a window links to, as `replaceLinks` needs it. */
interface MaintenanceLinks {
  /** How many of `ids` (distinct) are the tenant's targets. */
  countOwned(trx: Kysely<Database>, ids: readonly number[]): Promise<number>;
  /** Makes `ids` the window's whole set of targets. */
  relink(trx: Kysely<Database>, ids: readonly number[]): Promise<void>;
}

/** Replaces a window's set of targets of one kind, all or nothing. */
async function replaceLinks(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  targetIds: readonly number[],
  links: MaintenanceLinks,
): Promise<LinkResult> {
  const unique = [...new Set(targetIds)];
  return db.transaction().execute(async (trx) => {
    if (!(await lockMaintenance(trx, tenantId, id))) return 'maintenance-not-found';
    if (unique.length > 0 && (await links.countOwned(trx, unique)) !== unique.length) {
      return 'target-not-found';
    }
    await links.relink(trx, unique);
    return 'ok';
  });
}

async function lockMaintenance(db: Kysely<Database>, tenantId: number, id: number) {
  // FOR UPDATE serialises two concurrent replacements of the same set.
  const row = await db
    .selectFrom('maintenances')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The tenant's status pages among `ids`, with titles. Joined here rather than by a foreign
 * key (see migration 0013), so a link left behind by a deleted page is simply not shown.
 */
async function statusPageTitles(
  db: Kysely<Database>,
  tenantId: number,
  ids: readonly number[],
): Promise<{ id: number; title: string }[]> {
  return db
    .selectFrom('status_pages')
    .select(['id', 'title'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}
