import { z } from 'zod';

/** A whole number given as text, within bounds ("abc", "1.5" and "" are refused). */
export function envInteger(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** Variables every role reads. Defaults point at the local Postgres and Redis. */
export const baseEnvShape = {
  DATABASE_URL: z.string().min(1).default('postgres://postgres@127.0.0.1:5432/watchpost'),
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
  /** Namespace of every Redis key and channel, so several deployments can share a Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]+$/, 'letters, digits and _ : . - only')
    .default('watchpost'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/**
 * Parses an environment object with a zod object schema; the error names the variable, so a
 * misconfigured deployment fails at start with one readable line (DESIGN rule 9).
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${lines.join('; ')}`);
  }
  return parsed.data;
}

/** The camelCase config every role shares, from an env parsed with `baseEnvShape`. */
export function baseConfigOf(env: {
  DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  LOG_LEVEL: string;
}) {
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
  };
}
