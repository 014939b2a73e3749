import type { JobConsumer, JobHandler } from './ports.js';

export interface InProcessJobQueue<J> extends JobConsumer<J> {
  /** Adds jobs; one whose key is already waiting or running is dropped. */
  enqueue(jobs: readonly J[]): Promise<void>;
  removeWaiting(key: number): Promise<void>;
  waitingCount(): Promise<number>;
}

export interface InProcessJobQueueOptions<J> {
  concurrency: number;
  /** Jobs with one key never wait or run twice at once (BullMQ's job id). */
  keyOf(job: J): number;
  /** A `completed`/`failed` listener threw (BullMQ's `error` event). */
  onError(error: unknown): void;
}

/**
 * A queue of embedded mode: producer and consumer in one process. It keeps BullMQ's
 * contract as the roles use it: one job per key while it waits or runs, first in first out,
 * at most `concurrency` running, and `completed`/`failed` reported after the job has left
 * the queue.
 */
export function createInProcessJobQueue<J>(
  options: InProcessJobQueueOptions<J>,
): InProcessJobQueue<J> {
  // A Map iterates in insertion order: the oldest waiting job comes first.
  const waiting = new Map<number, J>();
  const running = new Set<number>();
  const inFlight = new Set<Promise<void>>();
  let handler: JobHandler<J, unknown> | undefined;
  let closed = false;

  function pump(): void {
    if (!handler || closed) return;
    for (const [key, job] of waiting) {
      if (running.size >= options.concurrency) return;
      waiting.delete(key);
      running.add(key);
      const done = runOne(handler, key, job)
        .catch(options.onError)
        .finally(() => {
          inFlight.delete(done);
          pump();
        });
      inFlight.add(done);
    }
  }

  async function runOne(h: JobHandler<J, unknown>, key: number, job: J): Promise<void> {
    let result: unknown;
    try {
      result = await h.run(job);
    } catch (error) {
      running.delete(key);
      h.failed(job, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    running.delete(key);
    h.completed(job, result);
  }

  return {
    async enqueue(jobs) {
      for (const job of jobs) {
        const key = options.keyOf(job);
        if (waiting.has(key) || running.has(key)) continue;
        waiting.set(key, structuredClone(job));
      }
      pump();
    },
    async removeWaiting(key) {
      waiting.delete(key);
    },
    async waitingCount() {
      return waiting.size;
    },
    async start(h) {
      handler = h as JobHandler<J, unknown>;
      pump();
    },
    async close() {
      closed = true;
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
