import { describe, expect, it } from 'vitest';
import { createOperatorRegistry } from '@watchpost/core/operator-metrics';
import { createMetricsSchedulerObserver } from './metrics-scheduler-observer.js';

describe('createMetricsSchedulerObserver', () => {
  it('counts claimed checks and exposes the queue depth beside them', async () => {
    const registry = createOperatorRegistry({ processMetrics: false });
    const observer = createMetricsSchedulerObserver(registry, {
      checkQueue: { waitingCount: async () => 12 },
    });
    observer.checksClaimed(5);
    observer.checksClaimed(1);

    const text = await registry.metrics();
    expect(text).toMatch(/^watchpost_scheduler_claimed_checks_total 6$/m);
    expect(text).toMatch(/^watchpost_check_queue_waiting_jobs 12$/m);
  });
});
