import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { startLoginAttempt } from '../rate-limits/login-rate-limits.js';
import { hasNoNul, MAX_PASSWORD_LENGTH } from '../users/user-input.js';
import * as userRepository from '../users/user-repository.js';
import { loginTokenFingerprint, signLoginToken } from './jwt.js';
import type { LoginContext } from './login-context.js';
import { identityOfUser, type LoginIdentity } from './login-identity.js';
import { verifyPassword } from './password.js';
import { verifyTotp } from './totp.js';

// Literal texts of docs/protocol/authentication.md#login (clients compare some of them, docs/protocol/compatibility.md#literal-strings).
export const BAD_CREDENTIALS_MSG = 'Incorrect username or password.';
const INVALID_TOTP_MSG = 'Invalid Token!';

/**
 * A bcrypt hash (cost 10) of a random string nobody knows. Checking a password against it
 * when the username does not exist makes that answer take as long as a wrong password, so
 * response times do not reveal which usernames exist.
 */
const DUMMY_PASSWORD_HASH = '$2b$10$hSDvQ/yoFaM9q46/feUaeOUrjzDPToGq6FLTxf3azS/r5kA7RqSR6';

// docs/protocol/authentication.md#login: non-string credentials are simply wrong credentials, so they are parsed here
// with one answer for every malformed shape rather than one text per field.
const credentialsSchema = z.object({
  username: z.string().max(255).refine(hasNoNul),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  token: z.unknown().optional(),
});

export type LoginResult =
  { tokenRequired: true } | { tokenRequired: false; identity: LoginIdentity; token: string };

/**
 * docs/protocol/authentication.md#login: a username and password, plus the TOTP code when the user has 2FA on. `data`
 * is whatever the client sent. Answers `tokenRequired` when the code is still missing;
 * otherwise who logged in and a login token for `loginByToken`.
 */
export async function login(
  ctx: LoginContext,
  data: unknown,
  clientAddress: string,
): Promise<LoginResult> {
  // docs/protocol/authentication.md#rate-limiting step 2: counted before any password is checked; failures only, per username and
  // per address, plus every attempt per address.
  const attempt = await startLoginAttempt(
    ctx.db,
    (data as { username?: unknown } | null | undefined)?.username,
    clientAddress,
  );
  const credentials = credentialsSchema.safeParse(data);
  if (!credentials.success) throw new AppError('not-logged-in', BAD_CREDENTIALS_MSG);
  const { username, password, token } = credentials.data;

  const user = await userRepository.findUserByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !user.active || !passwordOk) {
    throw new AppError('not-logged-in', BAD_CREDENTIALS_MSG);
  }

  if (user.twofaStatus) {
    if (typeof token !== 'string' || token === '') {
      // The password was right; the code comes with the next attempt.
      await attempt.succeeded();
      return { tokenRequired: true };
    }
    // Claimed last: a code is refused once used (docs/protocol/authentication.md#login), also when sent to two nodes at once.
    const accepted =
      user.twofaSecret !== null &&
      verifyTotp(user.twofaSecret, token) &&
      (await userRepository.claimTwoFactorCode(ctx.db, user.id, token));
    // A wrong code keeps its failure: it is a guess at the code.
    if (!accepted) throw new AppError('not-logged-in', INVALID_TOTP_MSG);
  }
  // docs/protocol/authentication.md#login: a token sent for a user without 2FA is ignored.
  await attempt.succeeded();

  const jwt = signLoginToken(
    { username: user.username, h: loginTokenFingerprint(user) },
    ctx.jwtSecret,
  );
  return { tokenRequired: false, identity: identityOfUser(user), token: jwt };
}
