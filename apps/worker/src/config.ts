import { baseEnvShape, envInteger, parseEnv } from '@watchpost/core';
import { operatorMetricsEnvShape, operatorMetricsListenOf } from '@watchpost/core/operator-metrics';
import { z } from 'zod';

const schema = z.object({
  ...baseEnvShape,
  ...operatorMetricsEnvShape,
  // Checks in flight, not jobs. A check mostly waits on its target: at the 1,000 to 2,000
  // checks a second one worker process sustains, targets answering in 100 to 250 ms keep
  // 100 to 500 checks in flight, and each costs a socket and a few kilobytes while it waits.
  // At 100, slots rather than CPU bound a worker once targets answer slower than 100 ms, and
  // the per-tenant cap (a quarter of this) defers checks of tenants merely busier than others.
  WORKER_CONCURRENCY: envInteger(1, 10_000).default(500),
  BEAT_BATCH_SIZE: envInteger(1, 5000).default(500),
  // Unset: see beatBatchWaitOf.
  BEAT_BATCH_WAIT_MS: envInteger(0, 1000).optional(),
  NOTIFICATION_CONCURRENCY: envInteger(1, 1000).default(20),
  // Beats held in memory while Postgres is unreachable, then dropped (docs/architecture.md#faults).
  BEAT_HOLD_SECONDS: envInteger(0, 3600).default(60),
  // A killed worker's jobs run again within about twice this (see bullmq-consumer.ts).
  JOB_LOCK_SECONDS: envInteger(1, 300).default(5),
  // Checks of one tenant in flight per worker (architecture rule 13); see tenantChecksInFlightOf.
  TENANT_MAX_CHECKS_IN_FLIGHT: envInteger(1, 10_000).optional(),
});

export type WorkerConfig = ReturnType<typeof parseWorkerConfig>;

export function parseWorkerConfig(env: Record<string, string | undefined>) {
  const c = parseEnv(schema, env);
  return {
    logLevel: c.LOG_LEVEL,
    concurrency: c.WORKER_CONCURRENCY,
    beatBatchSize: c.BEAT_BATCH_SIZE,
    beatBatchWaitMs: c.BEAT_BATCH_WAIT_MS ?? null,
    notificationConcurrency: c.NOTIFICATION_CONCURRENCY,
    beatHoldMs: c.BEAT_HOLD_SECONDS * 1000,
    jobLockMs: c.JOB_LOCK_SECONDS * 1000,
    tenantChecksInFlight: c.TENANT_MAX_CHECKS_IN_FLIGHT ?? null,
    operatorMetrics: operatorMetricsListenOf(c),
  };
}

/**
 * The in-flight cap of tenants without their own. Unset, a quarter of the worker's slots in
 * a multi-tenant deployment, so that three tenants stuck on slow targets still leave room
 * for everyone else; none in embedded mode, where every monitor has one owner.
 */
export function tenantChecksInFlightOf(
  config: Pick<WorkerConfig, 'concurrency' | 'tenantChecksInFlight'>,
  mode: 'embedded' | 'distributed',
): number | null {
  if (config.tenantChecksInFlight !== null) return config.tenantChecksInFlight;
  return mode === 'embedded' ? null : Math.ceil(config.concurrency / 4);
}

/**
 * How long a beat waits for others to share its batch's write. Unset, 10 ms distributed, where
 * a batch is one round trip to Postgres; 200 ms embedded, where each statement costs the one
 * process CPU in WebAssembly whatever its size, so fewer, larger batches are most of the
 * saving, and a beat still reaches the dashboard well within a second.
 */
export function beatBatchWaitOf(
  config: Pick<WorkerConfig, 'beatBatchWaitMs'>,
  mode: 'embedded' | 'distributed',
): number {
  return config.beatBatchWaitMs ?? (mode === 'embedded' ? 200 : 10);
}
