import { AppError } from '@watchpost/core';
import { hashPassword, isPasswordTooWeak, WEAK_PASSWORD_MSG } from '@watchpost/core/auth';
import { tenantRepository, type Database } from '@watchpost/core/db';
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

/** Creates another tenant with its admin user (the operator's way; `setup` makes the first). */
export async function createTenant(
  db: Kysely<Database>,
  raw: { name?: string; username?: string; password?: string },
): Promise<tenantRepository.CreatedTenant> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid-input', parsed.error.issues.map((i) => i.message).join('; '));
  }
  const { name, username, password } = parsed.data;
  if (isPasswordTooWeak(password)) throw new AppError('invalid-input', WEAK_PASSWORD_MSG);
  if (await tenantRepository.isUsernameTaken(db, username)) {
    throw new AppError('conflict', `Username "${username}" is already taken`);
  }
  return tenantRepository.createTenantWithAdmin(db, {
    name,
    username,
    passwordHash: await hashPassword(password),
  });
}
