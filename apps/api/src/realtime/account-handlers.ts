import { z } from 'zod';
import {
  changePassword,
  disableTwoFactor,
  getTwoFactorStatus,
  prepareTwoFactor,
  saveTwoFactor,
  verifyTwoFactorToken,
} from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';
import { refreshOtherSessions } from './refresh-other-sessions.js';

// Literal texts of docs/protocol/authentication.md#password-change and docs/protocol/authentication.md#two-factor-authentication.
const INVALID_NEW_PASSWORD_MSG = 'Invalid new password';
const PASSWORD_UPDATED_MSG = 'Password has been updated successfully.';
const INVALID_VERIFY_TOKEN_MSG = 'Invalid Token.';

// docs/protocol/authentication.md#password-change: only the shape here; changePassword applies the checks in upstream's order.
const changePasswordSchema = z.object(
  { currentPassword: z.unknown(), newPassword: z.unknown() },
  { message: INVALID_NEW_PASSWORD_MSG },
);

export const accountHandlers: readonly SocketHandler[] = [
  defineHandler('changePassword', [changePasswordSchema], async (ctx, [data]) => {
    await changePassword(ctx.service, data);
    // Sockets already logged in with the old password's tokens are ended, on every node.
    await refreshOtherSessions(ctx.deps.io, ctx.session, ctx.socket.id);
    return { ok: true, msg: PASSWORD_UPDATED_MSG };
  }),

  defineHandler('twoFAStatus', [], async ({ service }) => {
    return { ok: true, status: await getTwoFactorStatus(service) };
  }),

  defineHandler('prepare2FA', [z.unknown()], async ({ service }, [currentPassword]) => {
    const { uri } = await prepareTwoFactor(service, currentPassword);
    return { ok: true, uri };
  }),

  defineHandler('save2FA', [z.unknown()], async ({ service }, [currentPassword]) => {
    await saveTwoFactor(service, currentPassword);
    return { ok: true, msg: '2FA Enabled.' };
  }),

  defineHandler('disable2FA', [z.unknown()], async ({ service }, [currentPassword]) => {
    await disableTwoFactor(service, currentPassword);
    return { ok: true, msg: '2FA Disabled.' };
  }),

  // docs/protocol/authentication.md#two-factor-authentication `verifyToken(token, currentPassword)`: a wrong code acks `valid: false` too.
  defineHandler(
    'verifyToken',
    [z.unknown(), z.unknown()],
    async ({ service }, [token, currentPassword]) => {
      if (await verifyTwoFactorToken(service, { token, currentPassword })) {
        return { ok: true, valid: true };
      }
      return { ok: false, msg: INVALID_VERIFY_TOKEN_MSG, valid: false };
    },
  ),
];
