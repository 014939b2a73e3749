import { AppError } from '../errors/app-error.js';
import { spendAccountAttempt } from '../rate-limits/login-rate-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import * as userRepository from './user-repository.js';
import { verifyCurrentPassword } from './verify-current-password.js';

// Not in Kuma, which would enable 2FA without a secret and lock the user out for good.
const NOT_PREPARED_MSG = 'Prepare 2FA first: there is no secret to enable.';

/** `save2FA` (docs/protocol/authentication.md#two-factor-authentication): no code re-check here; the client verifies a code first. */
export async function saveTwoFactor(ctx: ServiceContext, currentPassword: unknown): Promise<void> {
  await spendAccountAttempt(ctx.db, ctx.userId);
  const user = await verifyCurrentPassword(ctx, currentPassword);
  if (!user.twofaSecret) throw new AppError('conflict', NOT_PREPARED_MSG);
  await userRepository.setTwoFactorStatus(ctx.db, ctx.tenantId, ctx.userId, true);
}
