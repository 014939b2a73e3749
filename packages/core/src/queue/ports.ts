import type { CheckJob } from './check-job.js';
import type { DeliveryJob } from './delivery-job.js';

/**
 * The seams between scheduler, worker and API. Distributed mode implements them on Redis
 * and BullMQ; the roles only ever see these interfaces.
 */

/** When each active monitor is next due. Claims are atomic across scheduler replicas. */
export interface DueSet {
  /** Sets (or moves) the monitor's next due time. */
  schedule(monitorId: number, tenantId: number, dueAt: number): Promise<void>;
  scheduleMany(entries: readonly DueEntry[]): Promise<void>;
  unschedule(monitorId: number): Promise<void>;
  /**
   * Atomically takes up to `limit` entries due at or before `now` and pushes each one's
   * due time to `now + leaseMs`, so a crash between claim and enqueue delays a monitor by
   * at most the lease instead of losing it.
   */
  claimDue(now: number, limit: number, leaseMs: number): Promise<DueEntry[]>;
  /** Every scheduled monitor id (for reconciliation with the database). */
  scheduledIds(): Promise<Set<number>>;
  /**
   * Marks the set as filled from the database (reconciliation sets it as it starts). The
   * mark lives beside the entries, so whatever empties the set (FLUSHALL, a Redis restart
   * without persistence) takes it too.
   */
  markFilled(): Promise<void>;
  /** False once the set lost its entries since it was last marked filled, or was never filled. */
  isFilled(): Promise<boolean>;
}

export interface DueEntry {
  monitorId: number;
  tenantId: number;
  dueAt: number;
}

export interface CheckQueue {
  /**
   * Adds checks; a monitor that already has a check queued or running is skipped. How they
   * travel is the adapter's business (BullMQ: in batches, see bullmq-check-queue.ts).
   */
  enqueue(jobs: readonly CheckJob[]): Promise<void>;
  /**
   * Drops the monitor's waiting check, if any. A running one finishes; so may one a worker
   * has already taken with its batch, which then finds its monitor paused or gone.
   */
  removeWaiting(monitorId: number): Promise<void>;
  /** Checks waiting to run (operator metric). */
  waitingCount(): Promise<number>;
}

/** Takes jobs off a queue and runs them (the consuming side of a queue). */
export interface JobConsumer<J> {
  /** Starts running jobs through `handler`, at most the consumer's concurrency at once. */
  start<R>(handler: JobHandler<J, R>): Promise<void>;
  /** Stops taking jobs and waits until the running ones have finished and reported. */
  close(): Promise<void>;
}

export interface JobHandler<J, R> {
  run(job: J): Promise<R>;
  /** Called once the job has left the queue, so its key can be enqueued again. */
  completed(job: J, result: R): void;
  /** `run` threw; `job` is undefined when the queue held data that is not a valid job. */
  failed(job: J | undefined, error: Error): void;
}

/** The worker's side of CheckQueue. */
export type CheckConsumer = JobConsumer<CheckJob>;

/**
 * Notification deliveries waiting to be attempted. The database row is the record; a job
 * only says "attempt delivery N now", so a lost job is re-enqueued from the row.
 */
export interface DeliveryQueue {
  /** Adds jobs; a delivery that already has a job queued or running is skipped. */
  enqueue(jobs: readonly DeliveryJob[]): Promise<void>;
}
export type DeliveryConsumer = JobConsumer<DeliveryJob>;
