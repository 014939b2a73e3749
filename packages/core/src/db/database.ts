import type { HeartbeatsTable } from '../heartbeats/heartbeats.table.js';
import type { MonitorStateTable, MonitorsTable } from '../monitors/monitors.table.js';
import type { ServerSettingsTable } from '../settings/server-settings.table.js';
import type { StatTable } from '../stats/stats.table.js';
import type { TenantsTable } from '../tenants/tenants.table.js';
import type { TenantLimitsTable } from '../tenant-limits/tenant-limits.table.js';
import type { UsersTable } from '../users/users.table.js';
import type { SchemaMigrationsTable } from './schema-migrations.table.js';
import type { ApiKeysTable } from '../api-keys/api-keys.table.js';
import type {
  MaintenancesTable,
  MaintenanceStatusPagesTable,
  MonitorMaintenancesTable,
} from '../maintenance/maintenance.table.js';
import type {
  MonitorNotificationsTable,
  NotificationsTable,
} from '../notifications/notifications.table.js';
import type {
  CertExpiryNoticesTable,
  NotificationDeliveriesTable,
  NotificationDeliveryAttemptsTable,
} from '../notifications/delivery/delivery-tables.js';
import type { TenantSettingsTable } from '../settings/tenant-settings.table.js';
import type { IdempotencyKeysTable } from '../idempotency/idempotency-keys.table.js';
import type { RateLimitWindowsTable } from '../rate-limits/rate-limit-windows.table.js';
import type { MonitorTagsTable, TagsTable } from '../tags/tags.table.js';
import type { ProxiesTable } from '../proxies/proxies.table.js';
import type { DockerHostsTable } from '../docker-hosts/docker-hosts.table.js';
import type {
  IncidentsTable,
  StatusPageDomainsTable,
  StatusPageGroupsTable,
  StatusPageMonitorsTable,
  StatusPagesTable,
} from '../status-pages/status-pages.table.js';

/** Row types of every table, snake_case as in the migrations (which are the truth). */
export interface Database {
  server_settings: ServerSettingsTable;
  tenants: TenantsTable;
  tenant_limits: TenantLimitsTable;
  users: UsersTable;
  monitors: MonitorsTable;
  monitor_state: MonitorStateTable;
  heartbeats: HeartbeatsTable;
  stat_minutely: StatTable;
  stat_hourly: StatTable;
  stat_daily: StatTable;
  schema_migrations: SchemaMigrationsTable;
  api_keys: ApiKeysTable;
  notifications: NotificationsTable;
  monitor_notifications: MonitorNotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  notification_delivery_attempts: NotificationDeliveryAttemptsTable;
  cert_expiry_notices: CertExpiryNoticesTable;
  tags: TagsTable;
  monitor_tags: MonitorTagsTable;
  tenant_settings: TenantSettingsTable;
  rate_limit_windows: RateLimitWindowsTable;
  proxies: ProxiesTable;
  status_pages: StatusPagesTable;
  status_page_domains: StatusPageDomainsTable;
  status_page_groups: StatusPageGroupsTable;
  status_page_monitors: StatusPageMonitorsTable;
  incidents: IncidentsTable;
  docker_hosts: DockerHostsTable;
  maintenances: MaintenancesTable;
  monitor_maintenances: MonitorMaintenancesTable;
  maintenance_status_pages: MaintenanceStatusPagesTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type { HeartbeatRow } from '../heartbeats/heartbeats.table.js';
export type { MonitorRow, MonitorStateRow } from '../monitors/monitors.table.js';
export type { UserRow } from '../users/users.table.js';
