import type { CheckJob } from './check-job.js';
import { createInProcessJobQueue } from './in-process-job-queue.js';
import type { CheckConsumer, CheckQueue } from './ports.js';

export interface InProcessCheckQueue extends CheckQueue, CheckConsumer {}

/** The check queue of embedded mode: one job per monitor, as with BullMQ's job ids. */
export function createInProcessCheckQueue(options: {
  concurrency: number;
  onError(error: unknown): void;
}): InProcessCheckQueue {
  return createInProcessJobQueue<CheckJob>({ ...options, keyOf: (job) => job.monitorId });
}
