import { StartupError } from '../errors/startup-error.js';
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

/** Variables every role reads. */
export const baseEnvShape = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/**
 * Parses an environment object with a zod object schema; the error names the variable, so a
 * misconfigured deployment fails at start with one readable line (architecture rule 9).
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new StartupError(`Invalid environment: ${lines.join('; ')}`);
  }
  return parsed.data;
}
