import * as userRepository from '../users/user-repository.js';
import type { UnscopedContext } from './login-context.js';
import { identityOfUser, type LoginIdentity } from './login-identity.js';

/**
 * Who a caller without credentials acts as while authentication is disabled (docs/protocol/authentication.md#disabled-authentication),
 * or undefined when it is not (see userRepository.findAutoLoginUser for when it can be).
 */
export async function findAutoLoginUser(ctx: UnscopedContext): Promise<LoginIdentity | undefined> {
  const user = await userRepository.findAutoLoginUser(ctx.db);
  return user && identityOfUser(user);
}
