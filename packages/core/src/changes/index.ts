// Server-only: the change bus between processes, with its Redis and in-memory implementations.
export type * from './change-bus.js';
export * from './redis-change-bus.js';
export * from './memory-change-bus.js';
