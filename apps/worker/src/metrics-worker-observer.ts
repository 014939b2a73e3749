import { registerWorkerMetrics, type OperatorRegistry } from '@watchpost/core/operator-metrics';
import type { WorkerObserver } from './worker-observer.js';

/** A WorkerObserver that records into the process's operator metrics registry. */
export function createMetricsWorkerObserver(registry: OperatorRegistry): WorkerObserver {
  const metrics = registerWorkerMetrics(registry);
  return {
    checkStarted(latenessMs) {
      // Scheduler and worker clocks may disagree by a few ms; a start "before" its due
      // time is on time, and a negative sample would skew the histogram's sum.
      metrics.checkLateness.observe(Math.max(0, latenessMs) / 1000);
    },
    checkDeferred() {
      metrics.checksDeferred.inc();
    },
    checkFinished(type, status, durationMs) {
      metrics.checkDuration.observe({ type, status }, durationMs / 1000);
      metrics.checks.inc({ type, outcome: status });
    },
    beatsWritten(size) {
      metrics.beatBatchSize.observe(size);
    },
    deliveryAttempted(provider, outcome) {
      metrics.notificationDeliveries.inc({ provider, outcome });
    },
  };
}
