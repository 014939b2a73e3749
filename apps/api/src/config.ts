import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integerText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const urlText = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);

const envSchema = z.object({
  DATABASE_URL: urlText(['postgres:', 'postgresql:']).default(
    'postgres://postgres@127.0.0.1:5432/watchpost',
  ),
  REDIS_URL: urlText(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  // Port 0 asks the OS for a free port (tests, several nodes on one machine).
  PORT: integerText(0, 65_535).default(3001),
  // Not in Kuma: containers must listen on all interfaces, tests on loopback only.
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_-]+$/, 'may only contain letters, digits, ":", "_" and "-"')
    .default('watchpost'),
  // Kuma's own floor is 20 s (spec §3.1); a hosted deployment may raise it.
  MIN_INTERVAL_SECONDS: integerText(1, 2_073_600).default(20),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface ApiConfig {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  host: string;
  redisPrefix: string;
  minIntervalSeconds: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

/**
 * Parses the API's environment once (DESIGN rule 9). Empty strings count as unset, the way
 * `FOO= node main.js` is usually meant. Throws one error naming every bad variable.
 */
export function parseApiConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = envSchema.safeParse(relevant);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid API configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    host: e.HOST,
    redisPrefix: e.REDIS_PREFIX,
    minIntervalSeconds: e.MIN_INTERVAL_SECONDS,
    logLevel: e.LOG_LEVEL,
  };
}
