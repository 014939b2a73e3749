import { baseEnvShape, envInteger, parseEnv } from '@watchpost/core';
import { operatorMetricsEnvShape, operatorMetricsListenOf } from '@watchpost/core/operator-metrics';
import { z } from 'zod';

const schema = z.object({
  ...baseEnvShape,
  ...operatorMetricsEnvShape,
  WORKER_CONCURRENCY: envInteger(1, 10_000).default(100),
  BEAT_BATCH_SIZE: envInteger(1, 5000).default(500),
  BEAT_BATCH_WAIT_MS: envInteger(0, 1000).default(10),
  NOTIFICATION_CONCURRENCY: envInteger(1, 1000).default(20),
  // Beats held in memory while Postgres is unreachable, then dropped (docs/architecture.md#faults).
  BEAT_HOLD_SECONDS: envInteger(0, 3600).default(60),
  // A killed worker's jobs run again within about twice this (see bullmq-consumer.ts).
  JOB_LOCK_SECONDS: envInteger(1, 300).default(5),
});

export type WorkerConfig = ReturnType<typeof parseWorkerConfig>;

export function parseWorkerConfig(env: Record<string, string | undefined>) {
  const c = parseEnv(schema, env);
  return {
    logLevel: c.LOG_LEVEL,
    concurrency: c.WORKER_CONCURRENCY,
    beatBatchSize: c.BEAT_BATCH_SIZE,
    beatBatchWaitMs: c.BEAT_BATCH_WAIT_MS,
    notificationConcurrency: c.NOTIFICATION_CONCURRENCY,
    beatHoldMs: c.BEAT_HOLD_SECONDS * 1000,
    jobLockMs: c.JOB_LOCK_SECONDS * 1000,
    operatorMetrics: operatorMetricsListenOf(c),
  };
}
