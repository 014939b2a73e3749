// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';

// monitors
export * from '../monitors/add-monitor.js';
export * from '../monitors/edit-monitor.js';
export * from '../monitors/delete-monitor.js';
export * from '../monitors/pause-monitor.js';
export * from '../monitors/resume-monitor.js';
export * from '../monitors/get-monitor.js';
export * from '../monitors/list-monitors.js';
export * from '../monitors/push-monitor-list.js';
// The wire list's read model, for callers that hold a database and a tenant, not a context.
export * from '../monitors/load-monitor-list.js';

// heartbeats and the data they add up to
export * from '../heartbeats/get-monitor-beats.js';
export * from '../heartbeats/clear-events.js';
export * from '../heartbeats/clear-heartbeats.js';
export * from '../heartbeats/clear-statistics.js';
export * from '../db/get-database-size.js';
export * from '../db/shrink-database.js';

// backup
export * from '../backup/import-backup.js';

// the login burst and the `info` it carries
export * from '../login-burst/load-login-burst.js';
export * from '../server-info/load-tenant-info.js';
export * from '../server-info/server-info.js';
