// Server-only: job catalog, queue ports, their Redis/BullMQ implementations (distributed
// mode) and their in-process ones (embedded mode).
export * from './check-job.js';
export type * from './ports.js';
export * from './redis-due-set.js';
export * from './bullmq-check-queue.js';
export * from './bullmq-check-consumer.js';
export * from './in-process-check-queue.js';
export * from './memory-due-set.js';
export * from './delivery-job.js';
export * from './delivery-queues.js';
