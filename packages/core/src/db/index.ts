// Server-only: database access. Never imported by browser code.
export type * from './database.js';
export * from './create-postgres-db.js';
export * from './migrate.js';
export * from './schema-version.js';
export * from './connection-loss.js';
export * from './heartbeat-partitions.js';
export * as monitorRepository from '../monitors/monitor-repository.js';
export * as checkTargetRepository from '../monitors/check-targets.js';
export type { CheckConfig, CheckTarget, SchedulableMonitor } from '../monitors/check-targets.js';
export * as tenantRepository from '../tenants/tenant-repository.js';
export * as tenantLimitsRepository from '../tenant-limits/tenant-limits-repository.js';
export * as notificationRepository from '../notifications/notification-repository.js';
export type {
  LinkedNotification,
  SavedNotification,
} from '../notifications/notification-repository.js';
export type * from '../notifications/notifications.table.js';
export * as heartbeatRepository from '../heartbeats/heartbeat-repository.js';
export type { BeatToRecord, RecordedBeat } from '../heartbeats/record-beats.js';
export * from '../heartbeats/beat-to-record.js';
export * from '../heartbeats/publish-beats.js';
export * as pushRepository from '../push/push-state-repository.js';
export * from '../push/record-push.js';
export * as statsRepository from '../stats/stats-repository.js';
export * as windowCounters from '../stats/window-counters.js';
export * from '../stats/window-stats.js';
export * as badgeRepository from '../badges/public-badge-monitor.js';
export type { PublicBadgeMonitor } from '../badges/public-badge-monitor.js';
export * as settingsRepository from '../settings/settings-repository.js';
export * from '../settings/tenant-time-zone.js';
export * from '../settings/setting-values.js';
export * as userRepository from '../users/user-repository.js';
export type * from '../users/user.js';
export * as idempotencyRepository from '../idempotency/idempotency-repository.js';
export * as rateLimitRepository from '../rate-limits/rate-limit-repository.js';
export * from '../rate-limits/push-rate-limits.js';
export * from '../api-keys/index.js';
export * as monitorMetricsRepository from '../metrics/monitor-metrics.js';
export type {
  MonitorMetrics,
  MonitorMetricsTag,
  MonitorTagLoader,
} from '../metrics/monitor-metrics.js';
export * as tagRepository from '../tags/tag-repository.js';
export type * from '../tags/tags.table.js';
export * from '../proxies/index.js';
export * from '../docker-hosts/index.js';
export * as databaseSizeRepository from './database-size.js';
export * from './housekeeping.js';
export * from './ensure-database.js';
export * from './prepare-database.js';
export * from './open-database.js';
export * from './pglite/create-pglite-db.js';
export * from '../status-pages/index.js';
export * from '../maintenance/index.js';
export * from './in-transaction.js';
export * from '../backup/index.js';
export * from '../secrets/index.js';
