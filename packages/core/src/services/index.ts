// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';

// auth and accounts
export type * from '../users/user.js';
export type * from '../auth/login-context.js';
export type * from '../auth/login-identity.js';
export type { CreatedTenant } from '../tenants/tenant-repository.js';
export * from '../tenants/needs-setup.js';
export * from '../tenants/setup-first-admin.js';
export * from '../tenants/instance-policy.js';
export * from '../tenants/create-tenant.js';
export * from '../tenant-limits/set-tenant-limits.js';
export * from '../secrets/rotate-secrets.js';
export type * from '../tenant-limits/tenant-limits.js';
export * from '../auth/login.js';
export * from '../auth/login-by-token.js';
export * from '../auth/revoke-login-tokens.js';
export * from '../auth/find-auto-login-user.js';
export * from '../users/verify-current-password.js';
export * from '../users/change-password.js';
export * from '../users/get-two-factor-status.js';
export * from '../users/prepare-two-factor.js';
export * from '../users/save-two-factor.js';
export * from '../users/disable-two-factor.js';
export * from '../users/verify-two-factor-token.js';

// monitors
export * from '../monitors/add-monitor.js';
export * from '../monitors/edit-monitor.js';
export * from '../monitors/delete-monitor.js';
export * from '../monitors/pause-monitor.js';
export * from '../monitors/resume-monitor.js';
export * from '../monitors/get-monitor.js';
export * from '../monitors/list-monitors.js';
export * from '../monitors/list-monitor-page.js';
export * from '../monitors/push-monitor-list.js';
// The wire list's read model, for callers that hold a database and a tenant, not a context.
export * from '../monitors/load-monitor-list.js';

// heartbeats and the data they add up to
export * from '../heartbeats/get-monitor-beats.js';
export * from '../heartbeats/clear-events.js';
export * from '../heartbeats/clear-heartbeats.js';
export * from '../heartbeats/clear-statistics.js';
export * from '../heartbeats/list-important-beats.js';
export * from '../stats/get-monitor-chart-data.js';
export * from '../stats/get-monitor-stats.js';
export * from '../stats/get-monitor-uptime.js';
export * from '../db/get-database-size.js';
export * from '../db/shrink-database.js';

// backup
export * from '../backup/import-backup.js';

// the login burst and the `info` it carries
export * from '../login-burst/load-login-burst.js';
export * from '../login-burst/load-dashboard-burst.js';
export * from '../login-burst/replay-monitors.js';
export * from '../server-info/load-tenant-info.js';
export * from '../server-info/server-info.js';

// notifications
export * from '../notifications/save-notification.js';
export * from '../notifications/delete-notification.js';
export * from '../notifications/test-notification.js';
export * from '../notifications/list-notifications.js';
export * from '../notifications/push-notification-list.js';
export * from '../notifications/list-notification-deliveries.js';

// proxies
export * from '../proxies/save-proxy.js';
export * from '../proxies/delete-proxy.js';
export * from '../proxies/list-proxies.js';
export * from '../proxies/push-proxy-list.js';
export * from '../proxies/assert-own-proxy.js';

// docker hosts
export * from '../docker-hosts/save-docker-host.js';
export * from '../docker-hosts/delete-docker-host.js';
export * from '../docker-hosts/test-docker-host.js';
export * from '../docker-hosts/list-docker-hosts.js';
export * from '../docker-hosts/push-docker-host-list.js';

// tags
export * from '../tags/list-tags.js';
export * from '../tags/add-tag.js';
export * from '../tags/edit-tag.js';
export * from '../tags/delete-tag.js';
export * from '../tags/add-monitor-tag.js';
export * from '../tags/edit-monitor-tag.js';
export * from '../tags/delete-monitor-tag.js';

// maintenance
export * from '../maintenance/maintenance-input.js';
export * from '../maintenance/add-maintenance.js';
export * from '../maintenance/edit-maintenance.js';
export * from '../maintenance/get-maintenance.js';
export * from '../maintenance/list-maintenances.js';
export * from '../maintenance/push-maintenance-list.js';
export * from '../maintenance/delete-maintenance.js';
export * from '../maintenance/pause-maintenance.js';
export * from '../maintenance/resume-maintenance.js';
export * from '../maintenance/set-maintenance-monitors.js';
export * from '../maintenance/get-maintenance-monitors.js';
export * from '../maintenance/set-maintenance-status-pages.js';
export * from '../maintenance/get-maintenance-status-pages.js';

// status pages
export * from '../status-pages/status-page-texts.js';
export * from '../status-pages/status-page-input.js';
export type * from '../status-pages/status-page.js';
export * from '../status-pages/status-page-wire.js';
export * from '../status-pages/add-status-page.js';
export * from '../status-pages/get-status-page.js';
export * from '../status-pages/save-status-page.js';
export * from '../status-pages/domain-verification.js';
export * from '../status-pages/delete-status-page.js';
export * from '../status-pages/post-incident.js';
export * from '../status-pages/unpin-incident.js';
export * from '../status-pages/list-status-pages.js';

// settings
export * from '../settings/settings-input.js';
export * from '../settings/get-settings.js';
export * from '../settings/set-settings.js';
export * from '../settings/set-server-timezone.js';

// api keys
export * from '../api-keys/api-key-input.js';
export * from '../api-keys/add-api-key.js';
export * from '../api-keys/list-api-keys.js';
export * from '../api-keys/push-api-key-list.js';
export * from '../api-keys/enable-api-key.js';
export * from '../api-keys/disable-api-key.js';
export * from '../api-keys/delete-api-key.js';
