import type { UnscopedContext } from '../auth/login-context.js';
import * as userRepository from '../users/user-repository.js';

/** docs/protocol/authentication.md#first-run-setup: first-run setup is open while no user exists at all. */
export async function needsSetup(ctx: UnscopedContext): Promise<boolean> {
  return !(await userRepository.hasAnyUser(ctx.db));
}
