import { AppError } from '@watchpost/core';
import type { Database } from '@watchpost/core/db';
import { createTenant as createTenantService, type CreatedTenant } from '@watchpost/core/services';
import type { Kysely } from 'kysely';
import { z } from 'zod';

const required = (flag: string, max: number) =>
  z
    .string({ message: `${flag} is required` })
    .min(1, `${flag} is required`)
    .max(max, `${flag} is too long`);

const inputSchema = z.object({
  name: required('--name', 255).trim(),
  username: required('--username', 255).trim(),
  password: required('--password', 1024),
});

/** `create-tenant`: the command's flags, then the createTenant service. */
export async function createTenant(
  db: Kysely<Database>,
  raw: { name?: string; username?: string; password?: string },
): Promise<CreatedTenant> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid-input', parsed.error.issues.map((i) => i.message).join('; '));
  }
  return createTenantService({ db }, parsed.data);
}
