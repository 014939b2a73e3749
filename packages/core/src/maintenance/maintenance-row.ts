import { sql } from 'kysely';
import { resolveTenantTimeZone } from '../settings/tenant-time-zone.js';
import type { Maintenance, MaintenanceStrategy } from './maintenance.js';
import type { MaintenanceRow } from './maintenance.table.js';

// The one row → domain mapper of maintenances; snake_case stops here.

/**
 * The tenant's `serverTimezone` setting as a column of a maintenance row, for
 * `SAME_AS_SERVER` windows (ZonedMaintenanceSchedule): every query that reads windows selects
 * it with them, so the window maths never needs a second lookup.
 */
export function serverTimeZoneSetting(tenantIdColumn: string) {
  return sql<unknown>`(SELECT ts.value FROM tenant_settings ts WHERE ts.tenant_id = ${sql.ref(
    tenantIdColumn,
  )} AND ts.key = 'serverTimezone')`.as('server_time_zone');
}

export type ZonedMaintenanceRow = MaintenanceRow & { server_time_zone: unknown };

export function toMaintenance(row: ZonedMaintenanceRow): Maintenance {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    title: row.title,
    description: row.description,
    // Only values of MAINTENANCE_STRATEGIES are ever written (the input schema checks them).
    strategy: row.strategy as MaintenanceStrategy,
    active: row.active,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    weekdays: row.weekdays,
    daysOfMonth: row.days_of_month,
    intervalDay: row.interval_day,
    cron: row.cron,
    duration: row.duration,
    timezoneOption: row.timezone,
    serverTimeZone: resolveTenantTimeZone(row.server_time_zone),
  };
}
