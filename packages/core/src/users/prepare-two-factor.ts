import { generateTotpSecret, totpProvisioningUri } from '../auth/totp.js';
import { AppError } from '../errors/app-error.js';
import { spendAccountAttempt } from '../rate-limits/login-rate-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import * as userRepository from './user-repository.js';
import { verifyCurrentPassword } from './verify-current-password.js';

// Literal text of docs/protocol/authentication.md#two-factor-authentication.
const ALREADY_ENABLED_MSG = '2FA is already enabled.';

/**
 * `prepare2FA` (docs/protocol/authentication.md#two-factor-authentication): a new secret each time, stored but not yet in force. Answers the
 * `otpauth://` URI an authenticator app reads.
 */
export async function prepareTwoFactor(
  ctx: ServiceContext,
  currentPassword: unknown,
): Promise<{ uri: string }> {
  await spendAccountAttempt(ctx.db, ctx.userId);
  const user = await verifyCurrentPassword(ctx, currentPassword);
  if (user.twofaStatus) throw new AppError('conflict', ALREADY_ENABLED_MSG);
  const secret = generateTotpSecret();
  await userRepository.saveTwoFactorSecret(ctx.db, ctx.tenantId, ctx.userId, secret);
  return { uri: totpProvisioningUri(user.username, secret) };
}
