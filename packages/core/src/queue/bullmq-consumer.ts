import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { JobConsumer } from './ports.js';

export interface BullmqConsumerOptions<J> {
  queueName: string;
  /** Job data is parsed with it: Redis holds whatever anyone wrote there. */
  schema: z.ZodType<J>;
  /** A dedicated connection: BullMQ workers block on it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  onError(error: Error): void;
}

/** Runs jobs of one BullMQ queue; many processes can consume it side by side. */
export function createBullmqConsumer<J>(options: BullmqConsumerOptions<J>): JobConsumer<J> {
  let worker: Worker | undefined;
  return {
    async start(handler) {
      worker = new Worker(
        options.queueName,
        async (job: Job) => handler.run(options.schema.parse(job.data)),
        {
          connection: options.connection,
          prefix: options.prefix,
          concurrency: options.concurrency,
        },
      );
      // BullMQ emits these after the job left the queue (removeOnComplete/removeOnFail).
      worker.on('completed', (job: Job, result) => {
        handler.completed(job.data as J, result as Awaited<ReturnType<typeof handler.run>>);
      });
      worker.on('failed', (job, error) => {
        const parsed = options.schema.safeParse(job?.data);
        handler.failed(parsed.success ? parsed.data : undefined, error);
      });
      worker.on('error', options.onError);
      await worker.waitUntilReady();
    },
    async close() {
      await worker?.close();
    },
  };
}
