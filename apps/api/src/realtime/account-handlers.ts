import { z } from 'zod';
import {
  generateTotpSecret,
  hashPassword,
  isPasswordTooWeak,
  totpProvisioningUri,
  verifyTotp,
  WEAK_PASSWORD_MSG,
} from '@watchpost/core/auth';
import {
  ACCOUNT_RATE_LIMIT,
  accountBucket,
  consumeRateLimit,
  TOO_FREQUENT_MSG,
  userAccountRepository,
} from '@watchpost/core/db';
import { checkCurrentPassword } from './current-password.js';
import {
  defineHandler,
  failure,
  NOT_LOGGED_IN_MSG,
  type HandlerContext,
  type HandlerResult,
  type SocketHandler,
} from './define-handler.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';
import type { Session } from './socket-types.js';

// Literal texts of spec §2.8 and §2.9.
const INVALID_NEW_PASSWORD_MSG = 'Invalid new password';
const PASSWORD_UPDATED_MSG = 'Password has been updated successfully.';
const ALREADY_ENABLED_MSG = '2FA is already enabled.';
const INVALID_VERIFY_TOKEN_MSG = 'Invalid Token.';
// Not in Kuma, which would enable 2FA without a secret and lock the user out for good.
const NOT_PREPARED_MSG = 'Prepare 2FA first: there is no secret to enable.';
// Not in Kuma: bcrypt only reads the first 72 bytes, so longer input buys nothing but work.
const MAX_PASSWORD_LENGTH = 1024;

// Spec §2.8: the checks and their texts in upstream's order, so each is applied by hand.
const changePasswordSchema = z.object(
  { currentPassword: z.unknown(), newPassword: z.unknown() },
  { message: INVALID_NEW_PASSWORD_MSG },
);

type AccountContext = HandlerContext<Session>;

export const accountHandlers: readonly SocketHandler[] = [
  defineHandler('changePassword', [changePasswordSchema], (ctx, [data]) =>
    limited(ctx, async () => {
      const { newPassword, currentPassword } = data;
      if (!newPassword) return failure(INVALID_NEW_PASSWORD_MSG);
      if (
        typeof newPassword !== 'string' ||
        newPassword.length > MAX_PASSWORD_LENGTH ||
        isPasswordTooWeak(newPassword)
      ) {
        return failure(WEAK_PASSWORD_MSG);
      }
      const check = await checkCurrentPassword(ctx.deps, ctx.session, currentPassword);
      if (!check.ok) return failure(check.msg);
      const { session } = ctx;
      const hash = await hashPassword(newPassword);
      await userAccountRepository.updatePasswordHash(
        ctx.deps.db,
        session.tenantId,
        session.userId,
        hash,
      );
      // Login tokens carry a fingerprint of the hash (§2.3), so older ones now fail on their
      // own; sockets already logged in with them are ended here, on every node.
      await refreshOtherSessions(ctx.deps.io, session, ctx.socket.id);
      return { ok: true, msg: PASSWORD_UPDATED_MSG };
    }),
  ),

  defineHandler('twoFAStatus', [], async ({ deps, session }) => {
    const user = await userAccountRepository.findUser(deps.db, session.tenantId, session.userId);
    if (!user) return failure(NOT_LOGGED_IN_MSG);
    return { ok: true, status: user.twofa_status };
  }),

  // Spec §2.9: a new secret each time, stored but not yet in force.
  defineHandler('prepare2FA', [z.unknown()], (ctx, [currentPassword]) =>
    limited(ctx, async () => {
      const check = await checkCurrentPassword(ctx.deps, ctx.session, currentPassword);
      if (!check.ok) return failure(check.msg);
      if (check.user.twofa_status) return failure(ALREADY_ENABLED_MSG);
      const secret = generateTotpSecret();
      const { tenantId, userId } = ctx.session;
      await userAccountRepository.saveTwoFactorSecret(ctx.deps.db, tenantId, userId, secret);
      return { ok: true, uri: totpProvisioningUri(check.user.username, secret) };
    }),
  ),

  // Spec §2.9: no code re-check here; the client verifies a code first with verifyToken.
  defineHandler('save2FA', [z.unknown()], (ctx, [currentPassword]) =>
    limited(ctx, async () => {
      const check = await checkCurrentPassword(ctx.deps, ctx.session, currentPassword);
      if (!check.ok) return failure(check.msg);
      if (!check.user.twofa_secret) return failure(NOT_PREPARED_MSG);
      const { tenantId, userId } = ctx.session;
      await userAccountRepository.setTwoFactorStatus(ctx.deps.db, tenantId, userId, true);
      return { ok: true, msg: '2FA Enabled.' };
    }),
  ),

  defineHandler('disable2FA', [z.unknown()], (ctx, [currentPassword]) =>
    limited(ctx, async () => {
      const check = await checkCurrentPassword(ctx.deps, ctx.session, currentPassword);
      if (!check.ok) return failure(check.msg);
      const { tenantId, userId } = ctx.session;
      await userAccountRepository.setTwoFactorStatus(ctx.deps.db, tenantId, userId, false);
      return { ok: true, msg: '2FA Disabled.' };
    }),
  ),

  // Spec §2.9 (`verifyToken(token, currentPassword)`): checks a code against the stored
  // secret without using it up, so the login after save2FA can still use the same one.
  defineHandler('verifyToken', [z.unknown(), z.unknown()], (ctx, [token, currentPassword]) =>
    limited(ctx, async () => {
      const check = await checkCurrentPassword(ctx.deps, ctx.session, currentPassword);
      if (!check.ok) return failure(check.msg);
      const { twofa_secret: secret, twofa_last_token: lastUsed } = check.user;
      if (secret && token !== lastUsed && verifyTotp(secret, token)) {
        return { ok: true, valid: true };
      }
      return { ok: false, msg: INVALID_VERIFY_TOKEN_MSG, valid: false };
    }),
  ),
];

/** Runs `handle` unless the user's account limiter (spec §2.10) is used up. */
async function limited(
  { deps, session }: AccountContext,
  handle: () => Promise<HandlerResult>,
): Promise<HandlerResult> {
  const allowed = await consumeRateLimit(
    deps.db,
    accountBucket(session.userId),
    ACCOUNT_RATE_LIMIT,
  );
  return allowed ? handle() : failure(TOO_FREQUENT_MSG);
}
