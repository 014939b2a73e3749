import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';
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
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface ServerSettingsTable {
  key: string;
  value: string;
}

export interface TenantsTable {
  id: Generated<number>;
  name: string;
  created_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  password_hash: string;
  active: Generated<boolean>;
  timezone: string | null;
  twofa_secret: string | null;
  twofa_status: Generated<boolean>;
  twofa_last_token: string | null;
  created_at: GeneratedTimestamp;
}

export interface MonitorsTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  description: string | null;
  type: string;
  parent: number | null;
  active: Generated<boolean>;
  check_interval: Generated<number>;
  retry_interval: Generated<number>;
  resend_interval: Generated<number>;
  maxretries: Generated<number>;
  upside_down: Generated<boolean>;
  timeout: Generated<number>;
  url: string | null;
  method: Generated<string>;
  headers: string | null;
  body: string | null;
  http_body_encoding: string | null;
  hostname: string | null;
  port: number | null;
  ignore_tls: Generated<boolean>;
  maxredirects: Generated<number>;
  accepted_statuscodes: ColumnType<string[], string | undefined, string>;
  keyword: string | null;
  invert_keyword: Generated<boolean>;
  json_path: string | null;
  expected_value: string | null;
  auth_method: string | null;
  basic_auth_user: string | null;
  basic_auth_pass: string | null;
  expiry_notification: Generated<boolean>;
  push_token: string | null;
  proxy_id: number | null;
  dns_resolve_type: string | null;
  dns_resolve_server: string | null;
  dns_last_result: string | null;
  packet_size: Generated<number>;
  weight: Generated<number>;
  extra: ColumnType<Record<string, unknown>, string | undefined, string>;
  badges_public: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface MonitorStateTable {
  monitor_id: number;
  tenant_id: number;
  status: number | null;
  retries: Generated<number>;
  down_count: Generated<number>;
  last_beat_at: Timestamp | null;
  next_due_at: Timestamp | null;
  last_ping: number | null;
  last_msg: string | null;
  tls_info: Json<unknown> | null;
  /** Derived from tls_info by Postgres (generated columns): read-only. */
  cert_valid: GeneratedAlways<boolean | null>;
  cert_days_remaining: GeneratedAlways<number | null>;
  updated_at: GeneratedTimestamp;
}

export interface HeartbeatsTable {
  id: Generated<number>;
  tenant_id: number;
  monitor_id: number;
  status: number;
  msg: Generated<string>;
  time: Timestamp;
  ping: number | null;
  duration: Generated<number>;
  down_count: Generated<number>;
  important: Generated<boolean>;
}

export interface StatTable {
  monitor_id: number;
  tenant_id: number;
  bucket: Timestamp;
  up: Generated<number>;
  down: Generated<number>;
  ping_sum: Generated<number>;
  ping_count: Generated<number>;
  ping_min: number | null;
  ping_max: number | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: GeneratedTimestamp;
}

export type MonitorRow = Selectable<MonitorsTable>;
export type NewMonitorRow = Insertable<MonitorsTable>;
export type HeartbeatRow = Selectable<HeartbeatsTable>;
export type UserRow = Selectable<UsersTable>;
export type MonitorStateRow = Selectable<MonitorStateTable>;
