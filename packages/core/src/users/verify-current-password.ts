import { verifyPassword } from '../auth/password.js';
import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import type { User } from './user.js';
import * as userRepository from './user-repository.js';

// docs/protocol/authentication.md#password-change / docs/protocol/authentication.md#two-factor-authentication "password errors", compared by clients as text.
export const WRONG_DATA_TYPE_MSG = 'Wrong data type?';
export const INCORRECT_CURRENT_PASSWORD_MSG = 'Incorrect current password';

/**
 * Upstream's `doubleCheckPassword`: the context's own user must confirm a change with its
 * current password. A user deleted since login fails like a wrong password. Answers the
 * user as stored, for the change that follows.
 */
export async function verifyCurrentPassword(
  ctx: ServiceContext,
  currentPassword: unknown,
): Promise<User> {
  if (typeof currentPassword !== 'string') {
    throw new AppError('invalid-input', WRONG_DATA_TYPE_MSG);
  }
  const user = await userRepository.findUser(ctx.db, ctx.tenantId, ctx.userId);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError('permission-denied', INCORRECT_CURRENT_PASSWORD_MSG);
  }
  return user;
}
