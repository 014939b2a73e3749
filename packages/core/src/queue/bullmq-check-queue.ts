import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHECK_QUEUE_NAME, checkJobId, type CheckJob } from './check-job.js';
import type { CheckQueue } from './ports.js';

export const CHECK_JOB_OPTIONS = {
  // Finished jobs are dropped at once: their id must be free for the monitor's next check,
  // and history lives in Postgres, not Redis.
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 1,
} as const;

export interface BullmqCheckQueue extends CheckQueue {
  close(): Promise<void>;
}

/**
 * `onError` hears the errors BullMQ re-emits from the connection; with no listener BullMQ
 * prints each one to stderr.
 */
export function createBullmqCheckQueue(
  connection: Redis,
  prefix: string,
  onError?: (error: Error) => void,
): BullmqCheckQueue {
  const queue = new Queue<CheckJob>(CHECK_QUEUE_NAME, { connection, prefix });
  if (onError) queue.on('error', onError);
  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map((data) => ({
          name: 'check',
          data,
          opts: { ...CHECK_JOB_OPTIONS, jobId: checkJobId(data.monitorId) },
        })),
      );
    },
    async removeWaiting(monitorId) {
      const job = await queue.getJob(checkJobId(monitorId));
      if (job && (await job.isWaiting())) {
        // A worker may take it between the two calls; then it simply runs once more.
        await job.remove().catch(() => {});
      }
    },
    waitingCount: () => queue.getWaitingCount(),
    close: () => queue.close(),
  };
}
