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
  /** How long a job's lock lasts without renewal; DEFAULT_JOB_LOCK_MS when absent. */
  lockMs?: number | undefined;
  onError(error: Error): void;
}

/**
 * BullMQ's defaults (a 30 s lock, a stalled-job sweep every 30 s) would leave the checks of
 * a killed worker hanging for up to a minute, longer than most intervals. How it works: a
 * worker renews the locks of its running jobs every `lockMs / 2`; once a worker dies, its
 * locks lapse after `lockMs`, and the next sweep (every `lockMs`, by any live worker) puts
 * the jobs back in the queue. So a killed worker's checks run again within `2 × lockMs`:
 * 10 s by default, inside Kuma's shortest interval of 20 s.
 *
 * Not shorter, because a worker whose event loop is blocked for a whole `lockMs` loses its
 * jobs to another worker (the stale-slot check then drops the second run if the first has
 * finished); and each worker pays one renewal script per `lockMs / 2` and one sweep per
 * `lockMs`, whatever its load. `maxStalledCount: 1`: a job that stalls twice (a check that
 * kills its worker every time) fails instead of killing worker after worker; its failure
 * reschedules the monitor after the error delay.
 */
export const DEFAULT_JOB_LOCK_MS = 5_000;

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
          lockDuration: options.lockMs ?? DEFAULT_JOB_LOCK_MS,
          stalledInterval: options.lockMs ?? DEFAULT_JOB_LOCK_MS,
          maxStalledCount: 1,
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
