import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as userRepository from './user-repository.js';

// docs/protocol/authentication.md#which-events-need-a-login: a user deleted since login is no longer logged in.
const NOT_LOGGED_IN_MSG = 'You are not logged in.';

/** `twoFAStatus` (docs/protocol/authentication.md#two-factor-authentication): whether 2FA is in force for the context's user. */
export async function getTwoFactorStatus(ctx: ServiceContext): Promise<boolean> {
  const user = await userRepository.findUser(ctx.db, ctx.tenantId, ctx.userId);
  if (!user) throw new AppError('not-logged-in', NOT_LOGGED_IN_MSG);
  return user.twofaStatus;
}
