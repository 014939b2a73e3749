// Server-only: metrics about Watchpost itself for its operator (not the tenant-facing
// `/metrics`), each process in its own registry, served on a port of its own.
export * from './operator-registry.js';
export * from './operator-metrics-env.js';
export * from './operator-metrics-server.js';
export * from './worker-metrics.js';
export * from './scheduler-metrics.js';
export * from './notification-metrics.js';
