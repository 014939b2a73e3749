import {
  registerSchedulerMetrics,
  type OperatorRegistry,
  type SchedulerMetricsDeps,
} from '@watchpost/core/operator-metrics';
import type { SchedulerObserver } from './scheduler-observer.js';

/**
 * A SchedulerObserver that records into the process's operator metrics registry, which
 * also gains the check queue depth: the scheduler's process is the one holding the queue.
 */
export function createMetricsSchedulerObserver(
  registry: OperatorRegistry,
  deps: SchedulerMetricsDeps,
): SchedulerObserver {
  const metrics = registerSchedulerMetrics(registry, deps);
  return {
    checksClaimed(count) {
      metrics.claimedChecks.inc(count);
    },
  };
}
