import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHECK_QUEUE_NAME, checkJobSchema, type CheckJob } from './check-job.js';
import type { CheckConsumer } from './ports.js';

export interface BullmqCheckConsumerOptions {
  /** A dedicated connection: BullMQ workers block on it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  onError(error: Error): void;
}

/** Runs check jobs from the shared BullMQ queue; many worker processes can consume it. */
export function createBullmqCheckConsumer(options: BullmqCheckConsumerOptions): CheckConsumer {
  let worker: Worker | undefined;
  return {
    async start(handler) {
      worker = new Worker(
        CHECK_QUEUE_NAME,
        async (job: Job) => handler.run(checkJobSchema.parse(job.data)),
        {
          connection: options.connection,
          prefix: options.prefix,
          concurrency: options.concurrency,
        },
      );
      // BullMQ emits these after the job left the queue (removeOnComplete/removeOnFail).
      worker.on('completed', (job: Job, result) => {
        handler.completed(job.data as CheckJob, result as Awaited<ReturnType<typeof handler.run>>);
      });
      worker.on('failed', (job, error) => {
        const parsed = checkJobSchema.safeParse(job?.data);
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
