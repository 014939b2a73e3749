import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface BullmqProducerOptions<J> {
  queueName: string;
  /** BullMQ's job name; nothing routes on it, it only labels the job in Redis tools. */
  jobName: string;
  /** One id per thing the job is about, so a second enqueue of it is a no-op while one waits. */
  jobIdOf(job: J): string;
  connection: Redis;
  prefix: string;
  /**
   * Hears the errors BullMQ re-emits from the connection; with no listener BullMQ prints
   * each one to stderr.
   */
  onError?: (error: Error) => void;
}

export interface BullmqProducer<J> {
  /** The queue itself, for what a particular queue adds (removing a waiting job, counting). */
  queue: Queue;
  enqueue(jobs: readonly J[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Adds jobs to one BullMQ queue. Every job is one attempt, dropped when done: its id must be
 * free for the next job about the same thing, retries are the caller's business (kept in
 * Postgres, where they survive restarts), and history lives in Postgres, not Redis.
 */
export function createBullmqProducer<J>(options: BullmqProducerOptions<J>): BullmqProducer<J> {
  const { connection, prefix, onError } = options;
  // Untyped on purpose: BullMQ's data type cannot be resolved for a generic J, and `enqueue`
  // is what keeps the data typed.
  const queue = new Queue(options.queueName, { connection, prefix });
  if (onError) queue.on('error', onError);
  return {
    queue,
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map((data) => ({
          name: options.jobName,
          data,
          opts: {
            jobId: options.jobIdOf(data),
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
