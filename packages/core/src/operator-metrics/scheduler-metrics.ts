import { Counter, Gauge } from 'prom-client';
import type { CheckQueue } from '../queue/ports.js';
import type { OperatorRegistry } from './operator-registry.js';

export interface SchedulerMetricsDeps {
  /** Read at scrape time, so the gauge costs nothing between scrapes. */
  checkQueue: Pick<CheckQueue, 'waitingCount'>;
  /** How long a scrape waits for the queue before reporting the depth as unknown. */
  queueTimeoutMs?: number;
  /** The queue could not be read; the scrape still answers, with the depth as NaN. */
  onQueueError?: (error: unknown) => void;
}

/** The families of the scheduler role: how much work it hands out and how much waits. */
export function registerSchedulerMetrics(registry: OperatorRegistry, deps: SchedulerMetricsDeps) {
  const timeoutMs = deps.queueTimeoutMs ?? 2000;
  new Gauge({
    name: 'watchpost_check_queue_waiting_jobs',
    help: 'Checks waiting for a worker to take their batch, read from the queue at scrape time (NaN: unreadable).',
    registers: [registry],
    async collect() {
      try {
        this.set(await withTimeout(deps.checkQueue.waitingCount(), timeoutMs));
      } catch (error) {
        // A failing collector fails the whole scrape, and a Redis outage is exactly when the
        // process metrics beside this gauge are wanted; NaN says "unknown" without a stale number.
        this.set(Number.NaN);
        deps.onQueueError?.(error);
      }
    },
  });
  return {
    claimedChecks: new Counter({
      name: 'watchpost_scheduler_claimed_checks_total',
      help: 'Due monitors the scheduler claimed and enqueued as check jobs.',
      registers: [registry],
    }),
  };
}

export type SchedulerMetrics = ReturnType<typeof registerSchedulerMetrics>;

// ioredis queues commands while disconnected (maxRetriesPerRequest: null on the scheduler's
// connection), so without a bound a scrape would hang until Prometheus gives up on it.
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`check queue did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
