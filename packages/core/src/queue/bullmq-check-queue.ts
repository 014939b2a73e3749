import type { Redis } from 'ioredis';
import { createBullmqProducer } from './bullmq-producer.js';
import { CHECK_QUEUE_NAME, checkJobId, type CheckJob } from './check-job.js';
import type { CheckQueue } from './ports.js';

export interface BullmqCheckQueue extends CheckQueue {
  close(): Promise<void>;
}

/** Distributed mode: checks as BullMQ jobs, one job id per monitor. */
export function createBullmqCheckQueue(
  connection: Redis,
  prefix: string,
  onError?: (error: Error) => void,
): BullmqCheckQueue {
  const { queue, enqueue, close } = createBullmqProducer<CheckJob>({
    queueName: CHECK_QUEUE_NAME,
    jobName: 'check',
    jobIdOf: (job) => checkJobId(job.monitorId),
    connection,
    prefix,
    onError,
  });
  return {
    enqueue,
    async removeWaiting(monitorId) {
      const job = await queue.getJob(checkJobId(monitorId));
      if (job && (await job.isWaiting())) {
        // A worker may take it between the two calls; then it simply runs once more.
        await job.remove().catch(() => {});
      }
    },
    waitingCount: () => queue.getWaitingCount(),
    close,
  };
}
