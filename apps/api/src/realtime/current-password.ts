import { AppError } from '@watchpost/core';
import { serviceContext, verifyCurrentPassword, type User } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';
import type { Session } from './socket-types.js';

export { INCORRECT_CURRENT_PASSWORD_MSG, WRONG_DATA_TYPE_MSG } from '@watchpost/core/services';

export type PasswordCheck = { ok: true; user: User } | { ok: false; msg: string };

/**
 * The core verifyCurrentPassword as a result, for the settings handlers until their
 * service calls it directly; then this file goes.
 */
export async function checkCurrentPassword(
  deps: RealtimeDeps,
  session: Session,
  currentPassword: unknown,
): Promise<PasswordCheck> {
  try {
    return {
      ok: true,
      user: await verifyCurrentPassword(serviceContext(deps, session), currentPassword),
    };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, msg: error.message };
    throw error;
  }
}
