import { baseEnvShape, parseEnv } from '@watchpost/core';
import { z } from 'zod';

const schema = z.object({
  ...baseEnvShape,
  SCHEDULER_TICK_MS: z.coerce.number().int().min(5).max(10_000).default(50),
  CLAIM_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(120),
  RECONCILE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  HEARTBEAT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
});

export type SchedulerConfig = ReturnType<typeof parseSchedulerConfig>;

export function parseSchedulerConfig(env: Record<string, string | undefined>) {
  const c = parseEnv(schema, env);
  return {
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.REDIS_PREFIX,
    logLevel: c.LOG_LEVEL,
    tickMs: c.SCHEDULER_TICK_MS,
    leaseMs: c.CLAIM_LEASE_SECONDS * 1000,
    reconcileEveryMs: c.RECONCILE_SECONDS * 1000,
    retentionDays: c.HEARTBEAT_RETENTION_DAYS,
  };
}
