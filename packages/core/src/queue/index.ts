// Server-only: job catalog, queue ports and their Redis/BullMQ implementations.
export * from './check-job.js';
export type * from './ports.js';
export * from './redis-due-set.js';
export * from './bullmq-check-queue.js';
export * from './redis-monitor-change-bus.js';
