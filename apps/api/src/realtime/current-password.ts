import { verifyPassword } from '@watchpost/core/auth';
import { userAccountRepository, type UserRow } from '@watchpost/core/db';
import type { RealtimeDeps } from './realtime-deps.js';
import type { Session } from './socket-types.js';

// Spec §2.8 / §2.9 "password errors", compared by clients as text.
export const WRONG_DATA_TYPE_MSG = 'Wrong data type?';
export const INCORRECT_CURRENT_PASSWORD_MSG = 'Incorrect current password';

export type PasswordCheck = { ok: true; user: UserRow } | { ok: false; msg: string };

/**
 * Upstream's `doubleCheckPassword`: the session's own user must confirm the change with its
 * current password. A user deleted since login fails like a wrong password.
 */
export async function checkCurrentPassword(
  deps: RealtimeDeps,
  session: Session,
  currentPassword: unknown,
): Promise<PasswordCheck> {
  if (typeof currentPassword !== 'string') return { ok: false, msg: WRONG_DATA_TYPE_MSG };
  const user = await userAccountRepository.findUser(deps.db, session.tenantId, session.userId);
  if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
    return { ok: false, msg: INCORRECT_CURRENT_PASSWORD_MSG };
  }
  return { ok: true, user };
}
