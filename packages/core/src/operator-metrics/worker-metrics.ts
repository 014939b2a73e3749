import { Counter, Histogram } from 'prom-client';
import { registerNotificationMetrics } from './notification-metrics.js';
import type { OperatorRegistry } from './operator-registry.js';

// Kuma's default check timeout is 48 s (0.8 × the 60 s default interval); the upper buckets
// separate slow targets from hung ones.
const CHECK_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
// A healthy pipeline starts checks within a scheduler tick (50 ms); minutes mean a backlog.
const LATENESS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
// Up to the largest BEAT_BATCH_SIZE accepted (5000).
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * The families of the worker role: how checks run, how their beats are written and how
 * notifications are delivered (the worker runs the delivery queue too).
 */
export function registerWorkerMetrics(registry: OperatorRegistry) {
  const registers = [registry];
  return {
    checkDuration: new Histogram({
      name: 'watchpost_check_duration_seconds',
      help: 'Time a check took, from its start to its result, by monitor type and status.',
      labelNames: ['type', 'status'] as const,
      buckets: CHECK_DURATION_BUCKETS,
      registers,
    }),
    checks: new Counter({
      name: 'watchpost_checks_total',
      help: 'Checks finished, by monitor type and outcome.',
      labelNames: ['type', 'outcome'] as const,
      registers,
    }),
    checksDeferred: new Counter({
      name: 'watchpost_checks_deferred_total',
      help: 'Check jobs handed back because their tenant had its cap of checks in flight.',
      registers,
    }),
    checkLateness: new Histogram({
      name: 'watchpost_check_lateness_seconds',
      help: 'Scheduling lateness: how long after its due time a check started.',
      buckets: LATENESS_BUCKETS,
      registers,
    }),
    beatBatchSize: new Histogram({
      name: 'watchpost_heartbeat_write_batch_size',
      help: 'Heartbeats persisted per batched database write.',
      buckets: BATCH_SIZE_BUCKETS,
      registers,
    }),
    ...registerNotificationMetrics(registry),
  };
}

export type WorkerMetrics = ReturnType<typeof registerWorkerMetrics>;
