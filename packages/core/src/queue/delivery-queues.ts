import type { Redis } from 'ioredis';
import { createBullmqConsumer } from './bullmq-consumer.js';
import { createBullmqProducer } from './bullmq-producer.js';
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
 * Distributed mode: delivery attempts as BullMQ jobs, one job id per delivery. A job is one
 * attempt: retries are the delivery row's business (its backoff survives restarts).
 */
export function createBullmqDeliveryQueue(
  connection: Redis,
  prefix: string,
  onError?: (error: Error) => void,
): BullmqDeliveryQueue {
  const { enqueue, close } = createBullmqProducer<DeliveryJob>({
    queueName: DELIVERY_QUEUE_NAME,
    jobName: 'deliver',
    jobIdOf: (job) => deliveryJobId(job.deliveryId),
    connection,
    prefix,
    onError,
  });
  return { enqueue, close };
}

export function createBullmqDeliveryConsumer(options: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs?: number | undefined;
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
