import { describe, expect, it } from 'vitest';
import { createOperatorRegistry } from './operator-registry.js';
import { registerSchedulerMetrics } from './scheduler-metrics.js';

const QUEUE_DEPTH = 'watchpost_check_queue_waiting_jobs';

async function valueOf(registry: ReturnType<typeof createOperatorRegistry>, name: string) {
  const metric = registry.getSingleMetric(name);
  const { values } = (await metric?.get()) ?? { values: [] };
  return values[0]?.value;
}

describe('registerSchedulerMetrics', () => {
  it('reads the queue depth at scrape time, not before', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    let waiting = 0;
    let reads = 0;
    registerSchedulerMetrics(registry, {
      checkQueue: {
        waitingCount: async () => {
          reads += 1;
          return waiting;
        },
      },
    });
    expect(reads).toBe(0);
    waiting = 42;
    expect(await valueOf(registry, QUEUE_DEPTH)).toBe(42);
    waiting = 7;
    expect(await registry.metrics()).toContain(`${QUEUE_DEPTH} 7`);
    expect(reads).toBe(2);
  });

  it('reports the depth as NaN and the error aside when the queue cannot be read', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    const errors: unknown[] = [];
    registerSchedulerMetrics(registry, {
      checkQueue: { waitingCount: () => Promise.reject(new Error('Connection is closed.')) },
      onQueueError: (error) => errors.push(error),
    });
    // prom-client writes "Nan"; Prometheus reads NaN in any letter case.
    expect(await registry.metrics()).toMatch(new RegExp(`^${QUEUE_DEPTH} nan$`, 'im'));
    expect(errors).toEqual([new Error('Connection is closed.')]);
  });

  it('stops waiting for a queue that does not answer', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    const errors: unknown[] = [];
    registerSchedulerMetrics(registry, {
      checkQueue: { waitingCount: () => new Promise<number>(() => {}) },
      queueTimeoutMs: 20,
      onQueueError: (error) => errors.push(error),
    });
    expect(await valueOf(registry, QUEUE_DEPTH)).toBeNaN();
    expect(String(errors[0])).toMatch(/did not answer within 20 ms/);
  });

  it('counts claimed checks', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    const metrics = registerSchedulerMetrics(registry, {
      checkQueue: { waitingCount: async () => 0 },
    });
    metrics.claimedChecks.inc(3);
    metrics.claimedChecks.inc(2000);
    expect(await valueOf(registry, 'watchpost_scheduler_claimed_checks_total')).toBe(2003);
  });
});
