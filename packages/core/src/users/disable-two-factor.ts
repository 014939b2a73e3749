import { spendAccountAttempt } from '../rate-limits/login-rate-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import * as userRepository from './user-repository.js';
import { verifyCurrentPassword } from './verify-current-password.js';

/** `disable2FA` (docs/protocol/authentication.md#two-factor-authentication): the secret is kept, as upstream does. */
export async function disableTwoFactor(
  ctx: ServiceContext,
  currentPassword: unknown,
): Promise<void> {
  await spendAccountAttempt(ctx.db, ctx.userId);
  await verifyCurrentPassword(ctx, currentPassword);
  await userRepository.setTwoFactorStatus(ctx.db, ctx.tenantId, ctx.userId, false);
}
