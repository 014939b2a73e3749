// Server-only: the composition kit. Every entry point (the three roles' main.ts and the
// all-in-one process) builds its database, queues, bus and Redis connections through it,
// with the same options, error listeners and shutdown order.
export type * from './adapter-kit.js';
export * from './create-adapter-kit.js';
export * from './distributed-adapter-kit.js';
export * from './embedded-adapter-kit.js';
export type { KitRole } from './role-database-settings.js';
export * from './redis-socket-adapter.js';
