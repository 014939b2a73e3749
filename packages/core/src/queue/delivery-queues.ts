import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createBullmqConsumer } from './bullmq-consumer.js';
import {
  DELIVERY_QUEUE_NAME,
  deliveryJobId,
  deliveryJobSchema,
  type DeliveryJob,
} from './delivery-job.js';
import { createInProcessJobQueue } from './in-process-job-queue.js';
import type { DeliveryConsumer, DeliveryQueue } from './ports.js';

export interface BullmqDeliveryQueue extends DeliveryQueue {
  close(): Promise<void>;
}

/**
 * Distributed mode: delivery attempts as BullMQ jobs, one job id per delivery. `onError` as
 * for the check queue.
 */
export function createBullmqDeliveryQueue(
  connection: Redis,
  prefix: string,
  onError?: (error: Error) => void,
): BullmqDeliveryQueue {
  const queue = new Queue<DeliveryJob>(DELIVERY_QUEUE_NAME, { connection, prefix });
  if (onError) queue.on('error', onError);
  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map((data) => ({
          name: 'deliver',
          data,
          // Retries are the delivery row's business (its backoff survives restarts); a job
          // is one attempt, dropped when done so its id is free for the next one.
          opts: {
            jobId: deliveryJobId(data.deliveryId),
            attempts: 1,
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}

export function createBullmqDeliveryConsumer(options: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  onError(error: Error): void;
}): DeliveryConsumer {
  return createBullmqConsumer({
    ...options,
    queueName: DELIVERY_QUEUE_NAME,
    schema: deliveryJobSchema,
  });
}

export interface InProcessDeliveryQueue extends DeliveryQueue, DeliveryConsumer {}

/** Embedded mode: delivery attempts in process memory, one per delivery at a time. */
export function createInProcessDeliveryQueue(options: {
  concurrency: number;
  onError(error: unknown): void;
}): InProcessDeliveryQueue {
  return createInProcessJobQueue<DeliveryJob>({ ...options, keyOf: (job) => job.deliveryId });
}
