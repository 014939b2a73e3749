import type { UnscopedContext } from '../auth/login-context.js';
import { hashPassword } from '../auth/password.js';
import { AppError } from '../errors/app-error.js';
import { newPasswordSchema, parseInput, usernameSchema } from '../users/user-input.js';
import * as userRepository from '../users/user-repository.js';
import { PUBLIC_SETUP_DISABLED_MSG, type InstancePolicy } from './instance-policy.js';
import * as tenantRepository from './tenant-repository.js';

// Literal text of docs/protocol/authentication.md#first-run-setup.
const SETUP_DONE_MSG =
  'Uptime Kuma has been initialized. If you want to run setup again, please delete the database.';

/**
 * `setup` (docs/protocol/authentication.md#setup): creates the first tenant and its admin; does not log anyone in. The
 * username and password are whatever the client sent, validated here.
 */
export async function setupFirstAdmin(
  ctx: UnscopedContext,
  input: { username: unknown; password: unknown },
  policy: InstancePolicy,
): Promise<tenantRepository.CreatedTenant> {
  // Before anything else: on a hosted instance the first caller must not become its owner.
  if (!policy.publicSetup) throw new AppError('permission-denied', PUBLIC_SETUP_DISABLED_MSG);
  const username = parseInput(usernameSchema, input.username);
  const password = parseInput(newPasswordSchema, input.password);
  // Checked before hashing so a second setup costs no bcrypt round; createFirstTenant
  // re-checks under a lock for two setups racing on two nodes.
  if (await userRepository.hasAnyUser(ctx.db)) throw new AppError('conflict', SETUP_DONE_MSG);
  const passwordHash = await hashPassword(password);
  const created = await tenantRepository.createFirstTenant(ctx.db, { username, passwordHash });
  if (!created) throw new AppError('conflict', SETUP_DONE_MSG);
  return created;
}
