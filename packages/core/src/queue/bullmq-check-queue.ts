import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CHECK_BATCH_MAX, CHECK_QUEUE_NAME, type CheckBatch, type CheckJob } from './check-job.js';
import { createCheckHolds } from './check-holds.js';
import type { CheckQueue } from './ports.js';

export interface BullmqCheckQueue extends CheckQueue {
  close(): Promise<void>;
}

/**
 * Distributed mode: checks travel in batches, one BullMQ job for up to CHECK_BATCH_MAX of
 * them, so Redis pays a job's life once per batch instead of once per check. The holds (see
 * check-holds.ts) keep one check per monitor queued or running, whoever enqueues. Every job
 * is one attempt, dropped when done: retries are the worker's business (it reschedules),
 * and history lives in Postgres, not Redis.
 */
export function createBullmqCheckQueue(
  connection: Redis,
  prefix: string,
  onError?: (error: Error) => void,
): BullmqCheckQueue {
  const queue = new Queue(CHECK_QUEUE_NAME, { connection, prefix });
  if (onError) queue.on('error', onError);
  const holds = createCheckHolds(connection, prefix);
  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      const batchIds = Array.from({ length: Math.ceil(jobs.length / CHECK_BATCH_MAX) }, () =>
        randomUUID(),
      );
      const held = await holds.hold(
        jobs.map((j) => j.monitorId),
        batchIds,
        CHECK_BATCH_MAX,
      );
      if (held.length === 0) return;
      // The first job of a monitor listed twice is the one held.
      const byMonitor = new Map<number, CheckJob>();
      for (const job of jobs) if (!byMonitor.has(job.monitorId)) byMonitor.set(job.monitorId, job);
      const batches: { name: string; data: CheckBatch; opts: object }[] = [];
      for (let i = 0; i < held.length; i += CHECK_BATCH_MAX) {
        const checks = held.slice(i, i + CHECK_BATCH_MAX).map((id) => {
          const { monitorId, tenantId, dueAt } = byMonitor.get(id)!;
          return { monitorId, tenantId, dueAt };
        });
        batches.push({
          name: 'checks',
          data: { checks },
          opts: {
            jobId: batchIds[i / CHECK_BATCH_MAX],
            attempts: 1,
            removeOnComplete: true,
            removeOnFail: true,
          },
        });
      }
      await queue.addBulk(batches);
    },
    async removeWaiting(monitorId) {
      // A batch already taken by a worker runs the check; the worker's own reading of the
      // monitor then finds it deleted or paused and writes no beat.
      await holds.dropQueued(monitorId);
    },
    waitingCount: () => holds.queuedCount(),
    close: () => queue.close(),
  };
}
