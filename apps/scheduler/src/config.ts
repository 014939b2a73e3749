import { baseEnvShape, envInteger, parseEnv } from '@watchpost/core';
import { operatorMetricsEnvShape, operatorMetricsListenOf } from '@watchpost/core/operator-metrics';
import { z } from 'zod';

const schema = z.object({
  ...baseEnvShape,
  ...operatorMetricsEnvShape,
  SCHEDULER_TICK_MS: envInteger(5, 10_000).default(50),
  CLAIM_LEASE_SECONDS: envInteger(5, 86_400).default(120),
  RECONCILE_SECONDS: envInteger(1, 86_400).default(30),
  HEARTBEAT_RETENTION_DAYS: envInteger(1, 3650).default(180),
});

export type SchedulerConfig = ReturnType<typeof parseSchedulerConfig>;

export function parseSchedulerConfig(env: Record<string, string | undefined>) {
  const c = parseEnv(schema, env);
  return {
    logLevel: c.LOG_LEVEL,
    tickMs: c.SCHEDULER_TICK_MS,
    leaseMs: c.CLAIM_LEASE_SECONDS * 1000,
    reconcileEveryMs: c.RECONCILE_SECONDS * 1000,
    retentionDays: c.HEARTBEAT_RETENTION_DAYS,
    operatorMetrics: operatorMetricsListenOf(c),
  };
}
