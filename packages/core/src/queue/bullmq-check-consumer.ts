import type { Redis } from 'ioredis';
import { createBullmqConsumer } from './bullmq-consumer.js';
import { CHECK_QUEUE_NAME, checkJobSchema } from './check-job.js';
import type { CheckConsumer } from './ports.js';

export interface BullmqCheckConsumerOptions {
  /** A dedicated connection: BullMQ workers block on it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockMs?: number | undefined;
  onError(error: Error): void;
}

/** Runs check jobs from the shared BullMQ queue; many worker processes can consume it. */
export function createBullmqCheckConsumer(options: BullmqCheckConsumerOptions): CheckConsumer {
  return createBullmqConsumer({ ...options, queueName: CHECK_QUEUE_NAME, schema: checkJobSchema });
}
