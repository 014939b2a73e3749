// Server-only: fan-out of events to tenants' sockets.
export * from './tenant-room.js';
export * from './tenant-events.js';
export * from './redis-tenant-events.js';
export * from './monitor-stat-events.js';
export * from './read-session-redaction.js';
export * from './tenant-watch.js';
export * from './redis-tenant-watch.js';
