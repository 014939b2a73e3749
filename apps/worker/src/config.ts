import { baseEnvShape, parseEnv } from '@watchpost/core';
import { z } from 'zod';

const schema = z.object({
  ...baseEnvShape,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  BEAT_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  BEAT_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1000).default(10),
});

export type WorkerConfig = ReturnType<typeof parseWorkerConfig>;

export function parseWorkerConfig(env: Record<string, string | undefined>) {
  const c = parseEnv(schema, env);
  return {
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    logLevel: c.LOG_LEVEL,
    concurrency: c.WORKER_CONCURRENCY,
    beatBatchSize: c.BEAT_BATCH_SIZE,
    beatBatchWaitMs: c.BEAT_BATCH_WAIT_MS,
  };
}
