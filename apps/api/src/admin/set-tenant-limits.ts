import { AppError } from '@watchpost/core';
import type { Database } from '@watchpost/core/db';
import {
  setTenantLimits as setTenantLimitsService,
  type StoredTenantLimits,
} from '@watchpost/core/services';
import type { Kysely } from 'kysely';
import { z } from 'zod';

/** A flag's value: a whole number within bounds, or `default` for the operator's default. */
const limit = (flag: string, min: number) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,9}|default)$/, `${flag} must be a whole number or "default"`)
    .transform((v) => (v === 'default' ? null : Number(v)))
    .refine((v) => v === null || v >= min, `${flag} must be at least ${min}`)
    .optional();

const inputSchema = z
  .object({
    tenant: z
      .string({ message: '--tenant is required' })
      .regex(/^[1-9]\d{0,9}$/, '--tenant must be a tenant id')
      .transform(Number),
    'max-monitors': limit('--max-monitors', 0),
    'min-interval': limit('--min-interval', 1),
    'max-timeout': limit('--max-timeout', 1),
    'max-checks-in-flight': limit('--max-checks-in-flight', 1),
  })
  .refine(
    (v) => Object.keys(v).length > 1,
    'give at least one of --max-monitors, --min-interval, --max-timeout, --max-checks-in-flight',
  );

export type SetTenantLimitsFlags = Partial<Record<keyof z.input<typeof inputSchema>, string>>;

/** `set-tenant-limits`: the command's flags, then the setTenantLimits service. */
export async function setTenantLimits(
  db: Kysely<Database>,
  raw: SetTenantLimitsFlags,
): Promise<{ tenantId: number; limits: StoredTenantLimits }> {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = inputSchema.safeParse(defined);
  if (!parsed.success) {
    throw new AppError('invalid-input', parsed.error.issues.map((i) => i.message).join('; '));
  }
  const { tenant, ...flags } = parsed.data;
  const limits = await setTenantLimitsService({ db }, tenant, {
    maxMonitors: flags['max-monitors'],
    minIntervalSeconds: flags['min-interval'],
    maxTimeoutSeconds: flags['max-timeout'],
    maxChecksInFlight: flags['max-checks-in-flight'],
  });
  return { tenantId: tenant, limits };
}
