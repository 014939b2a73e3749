import { verifyTotp } from '../auth/totp.js';
import { spendAccountAttempt } from '../rate-limits/login-rate-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import { verifyCurrentPassword } from './verify-current-password.js';

/**
 * `verifyToken(token, currentPassword)` (docs/protocol/authentication.md#two-factor-authentication): checks a code against the stored
 * secret without using it up, so the login after save2FA can still use the same one. The
 * code last used to log in is refused, as login would refuse it.
 */
export async function verifyTwoFactorToken(
  ctx: ServiceContext,
  input: { token: unknown; currentPassword: unknown },
): Promise<boolean> {
  await spendAccountAttempt(ctx.db, ctx.userId);
  const user = await verifyCurrentPassword(ctx, input.currentPassword);
  const { twofaSecret: secret, twofaLastToken: lastUsed } = user;
  if (!secret) return false;
  return input.token !== lastUsed && verifyTotp(secret, input.token);
}
