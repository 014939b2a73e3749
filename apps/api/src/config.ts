import { z } from 'zod';
import { baseEnvShape, envInteger, parseEnv, type Deployment } from '@watchpost/core';
import { operatorMetricsEnvShape, operatorMetricsListenOf } from '@watchpost/core/operator-metrics';

const schema = z.object({
  ...baseEnvShape,
  ...operatorMetricsEnvShape,
  // Port 0 asks the OS for a free port (tests, several nodes on one machine).
  PORT: envInteger(0, 65_535).default(3001),
  // Containers must listen on every interface; tests bind loopback only.
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  // Kuma's own floor is 20 s (docs/protocol/monitors.md); a hosted deployment may raise it.
  MIN_INTERVAL_SECONDS: envInteger(1, 2_073_600).default(20),
  // Every tenant's default limits (architecture rule 13); unset: no limit. The operator
  // overrides them per tenant with `admin set-tenant-limits`.
  TENANT_MAX_MONITORS: envInteger(0, 1_000_000_000).optional(),
  TENANT_MAX_TIMEOUT_SECONDS: envInteger(1, 2_073_600).optional(),
  // docs/protocol/authentication.md#setup: lets a multi-tenant deployment take the first `setup` over the socket.
  ALLOW_PUBLIC_SETUP: z
    .enum(['', '0', '1'], { message: 'must be 1 or 0' })
    .default('0')
    .transform((flag) => flag === '1'),
  // docs/api.md#rate-limits: requests per minute per API key (or login) on /api/v1.
  API_RATE_LIMIT_PER_MINUTE: envInteger(1, 1_000_000).default(600),
  // Behind a reverse proxy every client has the proxy's address; with 1 the per-address login
  // limits read the client's from the last `X-Forwarded-For` entry, the one the proxy added.
  TRUST_PROXY: z
    .enum(['', '0', '1'], { message: 'must be 1 or 0' })
    .default('0')
    .transform((flag) => flag === '1'),
});

export type ApiConfig = ReturnType<typeof parseApiConfig>;

/**
 * Parses the API's environment once (architecture rule 9); only main.ts passes `process.env`.
 * Throws one error naming every bad variable. `mode` says who owns the instance: one owner
 * (embedded) or many tenants (distributed), which decides what tenants may do to it.
 */
export function parseApiConfig(env: Record<string, string | undefined>, mode: Deployment['mode']) {
  const c = parseEnv(schema, env);
  const singleOwner = mode === 'embedded';
  return {
    logLevel: c.LOG_LEVEL,
    port: c.PORT,
    host: c.HOST,
    minIntervalSeconds: c.MIN_INTERVAL_SECONDS,
    tenantLimits: {
      maxMonitors: c.TENANT_MAX_MONITORS ?? null,
      maxTimeoutSeconds: c.TENANT_MAX_TIMEOUT_SECONDS ?? null,
    },
    operatorMetrics: operatorMetricsListenOf(c),
    trustProxy: c.TRUST_PROXY,
    restRateLimit: { limit: c.API_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 },
    instance: {
      publicSetup: singleOwner || c.ALLOW_PUBLIC_SETUP,
      databaseOperations: singleOwner,
    },
  };
}
