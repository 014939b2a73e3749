import type { CheckJob } from './check-job.js';
import type { CheckConsumer, CheckJobHandler, CheckQueue } from './ports.js';

export interface InProcessCheckQueue extends CheckQueue, CheckConsumer {}

/**
 * The check queue of embedded mode: producer and consumer in one process. It keeps
 * BullMQ's contract as the roles use it: one job per monitor while it waits or runs (a
 * duplicate is dropped), first in first out, at most `concurrency` running, and
 * `completed`/`failed` reported after the job has left the queue.
 */
export function createInProcessCheckQueue(options: {
  concurrency: number;
  /** A `completed`/`failed` listener threw (BullMQ's `error` event). */
  onError(error: unknown): void;
}): InProcessCheckQueue {
  // A Map iterates in insertion order: the oldest waiting job comes first.
  const waiting = new Map<number, CheckJob>();
  const running = new Set<number>();
  const inFlight = new Set<Promise<void>>();
  let handler: CheckJobHandler<unknown> | undefined;
  let closed = false;

  function pump(): void {
    if (!handler || closed) return;
    for (const [monitorId, job] of waiting) {
      if (running.size >= options.concurrency) return;
      waiting.delete(monitorId);
      running.add(monitorId);
      const done = runOne(handler, job)
        .catch(options.onError)
        .finally(() => {
          inFlight.delete(done);
          pump();
        });
      inFlight.add(done);
    }
  }

  async function runOne(h: CheckJobHandler<unknown>, job: CheckJob): Promise<void> {
    let result: unknown;
    try {
      result = await h.run(job);
    } catch (error) {
      running.delete(job.monitorId);
      h.failed(job, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    running.delete(job.monitorId);
    h.completed(job, result);
  }

  return {
    async enqueue(jobs) {
      for (const job of jobs) {
        if (waiting.has(job.monitorId) || running.has(job.monitorId)) continue;
        waiting.set(job.monitorId, { ...job });
      }
      pump();
    },
    async removeWaiting(monitorId) {
      waiting.delete(monitorId);
    },
    async waitingCount() {
      return waiting.size;
    },
    async start(h) {
      handler = h as CheckJobHandler<unknown>;
      pump();
    },
    async close() {
      closed = true;
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
