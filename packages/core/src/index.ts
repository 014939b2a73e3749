// Browser-safe root export: types, schemas, constants and pure functions only.
// Server-only parts live behind the subpaths ./db, ./queue, ./realtime and ./testing.
export * from './monitors/monitor-status.js';
export * from './monitors/monitor-types.js';
export type * from './monitors/monitor.js';
export * from './monitors/monitor-input.js';
export * from './monitors/monitor-id.js';
export * from './ids/stored-id.js';
export * from './monitors/kuma-monitor.js';
export type * from './notifications/notification.js';
export * from './notifications/notification-wire.js';
export type * from './proxies/proxy.js';
export * from './proxies/proxy-wire.js';
export type * from './proxies/check-proxy.js';
export type * from './docker-hosts/docker-host.js';
export * from './docker-hosts/docker-host-wire.js';
export type * from './tags/tag.js';
export * from './tags/tag-input.js';
export * from './monitors/state-machine.js';
export * from './monitors/group-status.js';
export * from './push/push-token.js';
export * from './push/push-window.js';
export type * from './checks/check-result.js';
export type * from './checks/tls-info.js';
export * from './heartbeats/kuma-time.js';
export * from './heartbeats/heartbeat-wire.js';
export * from './scheduling/check-slots.js';
export * from './batching/micro-batcher.js';
export * from './errors/app-error.js';
export * from './config/parse-env.js';
export * from './errors/startup-error.js';
export * from './config/deployment.js';
export type * from './protocol/index.js';
export type { MaintenanceJson } from './maintenance/maintenance-wire.js';
export type {
  IncidentJson,
  PublicStatusPageConfig,
  StatusPageConfig,
} from './status-pages/status-page-wire.js';
export type { DomainVerificationState } from './status-pages/domain-verification.js';
export type { ApiKeyJson } from './api-keys/api-key-wire.js';
export { MAINTENANCE_STRATEGIES } from './maintenance/maintenance.js';
export type { MaintenanceStrategy, MaintenanceStatus } from './maintenance/maintenance.js';
