import type { ColumnType, Generated, Selectable } from 'kysely';

/** `maintenances` (migrations/0013). */
export interface MaintenancesTable {
  id: Generated<number>;
  tenant_id: number;
  /** The creator; null once that user is deleted (the window stays with the tenant). */
  user_id: number | null;
  title: string;
  description: Generated<string>;
  strategy: string;
  active: Generated<boolean>;
  start_date: string | null;
  end_date: string | null;
  start_time: string | null;
  end_time: string | null;
  /** jsonb: written as JSON text, read back parsed. */
  weekdays: ColumnType<number[], string | undefined, string>;
  days_of_month: ColumnType<(number | string)[], string | undefined, string>;
  interval_day: number | null;
  cron: string | null;
  duration: number | null;
  timezone: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `monitor_maintenances` (migrations/0013): the monitors a window covers. */
export interface MonitorMaintenancesTable {
  tenant_id: number;
  maintenance_id: number;
  monitor_id: number;
}

/**
 * `maintenance_status_pages` (migrations/0013): pages showing a window. `status_page_id` has
 * no foreign key, see the migration.
 */
export interface MaintenanceStatusPagesTable {
  tenant_id: number;
  maintenance_id: number;
  status_page_id: number;
}

export type MaintenanceRow = Selectable<MaintenancesTable>;
