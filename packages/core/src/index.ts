// Browser-safe root export: types, schemas, constants and pure functions only.
// Server-only parts live behind the subpaths ./db, ./queue, ./realtime and ./testing.
export * from './monitors/monitor-status.js';
export * from './monitors/monitor-types.js';
export type * from './monitors/monitor.js';
export type * from './checks/check-result.js';
export type * from './checks/tls-info.js';
