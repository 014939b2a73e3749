// Server-only: database access. Never imported by browser code.
export type * from './database.js';
export * from './create-postgres-db.js';
export * from './migrate.js';
export * from './heartbeat-partitions.js';
export * as monitorRepository from '../monitors/monitor-repository.js';
export * from '../monitors/check-targets.js';
export * as tenantRepository from '../tenants/tenant-repository.js';
export * from '../heartbeats/record-beats.js';
export * from '../heartbeats/heartbeat-queries.js';
export * from '../stats/window-stats.js';
export * from '../settings/server-settings.js';
export * from './housekeeping.js';
export * from './ensure-database.js';
export * from './prepare-database.js';
