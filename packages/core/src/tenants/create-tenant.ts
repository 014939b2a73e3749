import type { UnscopedContext } from '../auth/login-context.js';
import { hashPassword, isPasswordTooWeak, WEAK_PASSWORD_MSG } from '../auth/password.js';
import { AppError } from '../errors/app-error.js';
import * as userRepository from '../users/user-repository.js';
import * as tenantRepository from './tenant-repository.js';

/**
 * Creates another tenant with its admin user (the operator's way; `setup` makes the first).
 * Usernames are unique across tenants, since a login names no tenant.
 */
export async function createTenant(
  ctx: UnscopedContext,
  input: { name: string; username: string; password: string },
): Promise<tenantRepository.CreatedTenant> {
  const { name, username, password } = input;
  if (isPasswordTooWeak(password)) throw new AppError('invalid-input', WEAK_PASSWORD_MSG);
  if (await userRepository.isUsernameTaken(ctx.db, username)) {
    throw new AppError('conflict', `Username "${username}" is already taken`);
  }
  return tenantRepository.createTenantWithAdmin(ctx.db, {
    name,
    username,
    passwordHash: await hashPassword(password),
  });
}
