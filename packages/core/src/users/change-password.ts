import { hashPassword, isPasswordTooWeak, WEAK_PASSWORD_MSG } from '../auth/password.js';
import { AppError } from '../errors/app-error.js';
import { spendAccountAttempt } from '../rate-limits/login-rate-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import { MAX_PASSWORD_LENGTH } from './user-input.js';
import * as userRepository from './user-repository.js';
import { verifyCurrentPassword } from './verify-current-password.js';

// Literal text of docs/protocol/authentication.md#password-change.
const INVALID_NEW_PASSWORD_MSG = 'Invalid new password';

/**
 * docs/protocol/authentication.md#password-change: the checks and their texts in upstream's order. Login tokens carry a
 * fingerprint of the hash (docs/protocol/authentication.md#login-tokens), so older ones fail on their own afterwards; ending the
 * sessions already logged in with them is the transport's part.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: unknown; newPassword: unknown },
): Promise<void> {
  await spendAccountAttempt(ctx.db, ctx.userId);
  const { newPassword, currentPassword } = input;
  if (!newPassword) throw new AppError('invalid-input', INVALID_NEW_PASSWORD_MSG);
  if (
    typeof newPassword !== 'string' ||
    newPassword.length > MAX_PASSWORD_LENGTH ||
    isPasswordTooWeak(newPassword)
  ) {
    throw new AppError('invalid-input', WEAK_PASSWORD_MSG);
  }
  await verifyCurrentPassword(ctx, currentPassword);
  const hash = await hashPassword(newPassword);
  await userRepository.updatePasswordHash(ctx.db, ctx.tenantId, ctx.userId, hash);
}
