import { z } from 'zod';
import {
  hashPassword,
  isPasswordTooWeak,
  passwordHashFingerprint,
  signLoginToken,
  verifyLoginToken,
  verifyPassword,
  verifyTotp,
  WEAK_PASSWORD_MSG,
} from '@watchpost/core/auth';
import {
  apiKeyRejectionMessage,
  consumeRateLimit,
  LOGIN_RATE_LIMIT,
  loginBucket,
  tenantRepository,
  TOO_FREQUENT_MSG,
  userAccountRepository,
  verifyApiKey,
  type UserRow,
} from '@watchpost/core/db';
import { startSessionWithBurst, userSession } from './after-login.js';
import {
  definePublicHandler,
  failure,
  NO_REPLY,
  NUL_TEXT_MSG,
  Reply,
  type HandlerContext,
  type HandlerResult,
  type SocketHandler,
} from './define-handler.js';
import { endSession } from './session.js';
import type { Session } from './socket-types.js';

// Literal texts of spec §2.1, §2.2 and §2.4 (clients compare some of them, §9.2).
const SETUP_DONE_MSG =
  'Uptime Kuma has been initialized. If you want to run setup again, please delete the database.';
const BAD_CREDENTIALS_MSG = 'Incorrect username or password.';
const INVALID_TOTP_MSG = 'Invalid Token!';
const INVALID_TOKEN_MSG = 'Invalid token.';
const INACTIVE_USER_MSG = 'The user is inactive or deleted.';

// Not in Kuma: bcrypt only reads the first 72 bytes, so longer input buys nothing but work.
const MAX_PASSWORD_LENGTH = 1024;
const API_KEY_PREFIX = 'uk';
// A login token is ~200 characters; anything far longer is not one of ours.
const MAX_TOKEN_LENGTH = 4096;

/**
 * A bcrypt hash (cost 10) of a random string nobody knows. Checking a password against it
 * when the username does not exist makes that answer take as long as a wrong password, so
 * response times do not reveal which usernames exist.
 */
const DUMMY_PASSWORD_HASH = '$2b$10$hSDvQ/yoFaM9q46/feUaeOUrjzDPToGq6FLTxf3azS/r5kA7RqSR6';

// Postgres text cannot hold U+0000; such a name can neither be stored nor exist.
const hasNoNul = (text: string) => !text.includes('\u0000');

const usernameSchema = z
  .string({ message: 'Username must be text.' })
  .min(1, 'Username must not be empty.')
  .max(255, 'Username must be at most 255 characters.')
  .refine(hasNoNul, NUL_TEXT_MSG);

const newPasswordSchema = z
  .string({ message: WEAK_PASSWORD_MSG })
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => !isPasswordTooWeak(password), WEAK_PASSWORD_MSG);

// Spec §2.2: non-string credentials are simply wrong credentials, so this schema is applied
// inside the handler rather than as the argument schema.
const credentialsSchema = z.object({
  username: z.string().max(255).refine(hasNoNul),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  token: z.unknown().optional(),
});

export const authHandlers: readonly SocketHandler[] = [
  // Spec §2.1: acks a bare boolean.
  definePublicHandler('needSetup', [], async ({ deps }) => {
    return !(await tenantRepository.hasAnyUser(deps.db));
  }),

  // Spec §2.1. Creates the first tenant and its admin; does not log the socket in.
  definePublicHandler(
    'setup',
    [usernameSchema, newPasswordSchema],
    async ({ deps }, [username, password]) => {
      // Checked before hashing so a second setup costs no bcrypt round; createFirstTenant
      // re-checks under a lock for two setups racing on two nodes.
      if (await tenantRepository.hasAnyUser(deps.db)) return failure(SETUP_DONE_MSG);
      const passwordHash = await hashPassword(password);
      const created = await tenantRepository.createFirstTenant(deps.db, { username, passwordHash });
      if (!created) return failure(SETUP_DONE_MSG);
      return { ok: true, msg: 'Added Successfully.' };
    },
  ),

  // Spec §2.2.
  definePublicHandler('login', [z.unknown()], async (ctx, [data]) => {
    // Spec §2.2 step 1: falsy data gets no response at all.
    if (!data) return NO_REPLY;
    // Spec §2.10 step 2: every attempt counts, before any password is checked.
    const attempted = (data as { username?: unknown }).username;
    if (!(await consumeRateLimit(ctx.deps.db, loginBucket(attempted), LOGIN_RATE_LIMIT))) {
      return failure(TOO_FREQUENT_MSG);
    }
    const credentials = credentialsSchema.safeParse(data);
    if (!credentials.success) return failure(BAD_CREDENTIALS_MSG);
    const { username, password, token } = credentials.data;

    const user = await tenantRepository.findUserByUsername(ctx.deps.db, username);
    const passwordOk = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !user.active || !passwordOk) return failure(BAD_CREDENTIALS_MSG);

    if (user.twofa_status) {
      if (typeof token !== 'string' || token === '') return { tokenRequired: true };
      // Claimed last: a code is refused once used (§2.2), also when sent to two nodes at once.
      const accepted =
        user.twofa_secret !== null &&
        verifyTotp(user.twofa_secret, token) &&
        (await userAccountRepository.claimTwoFactorCode(ctx.deps.db, user.id, token));
      if (!accepted) return failure(INVALID_TOTP_MSG);
    }
    // Spec §2.2: a token sent for a user without 2FA is ignored.

    await logIn(ctx, user);
    const jwt = signLoginToken(
      { username: user.username, h: passwordHashFingerprint(user.password_hash) },
      ctx.deps.jwtSecret,
    );
    return { ok: true, token: jwt };
  }),

  // Spec §2.4. Tokens never expire; `h` ties them to the current password hash (§11.1 a).
  // An API key works here too (issue 4), logging in as its tenant with its scope.
  definePublicHandler('loginByToken', [z.unknown()], async (ctx, [token]) => {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
      return failure(INVALID_TOKEN_MSG);
    }
    // Our JWTs start with `eyJ` (a JSON header); every API key with `uk` (spec §3.8).
    if (token.startsWith(API_KEY_PREFIX)) return logInWithApiKey(ctx, token);
    const claims = verifyLoginToken(token, ctx.deps.jwtSecret);
    if (!claims) return failure(INVALID_TOKEN_MSG);
    const user = await tenantRepository.findUserByUsername(ctx.deps.db, claims.username);
    if (!user || !user.active) return failure(INACTIVE_USER_MSG);
    if (claims.h !== passwordHashFingerprint(user.password_hash)) {
      return failure(INVALID_TOKEN_MSG);
    }
    await logIn(ctx, user);
    return { ok: true };
  }),

  // Spec §2.7: acks with no arguments, also when the socket was not logged in. Unlike
  // upstream it takes nothing from the login limiter: with per-username buckets (see
  // login-rate-limits.ts) logging out would only spend the user's own login attempts, and
  // it checks no credential that a limit could protect.
  definePublicHandler('logout', [], async ({ socket }) => {
    endSession(socket);
    return Reply.withoutArguments();
  }),
];

/** A password or JWT login: the user's tenant, allowed to change everything. */
async function logIn(ctx: HandlerContext<Session | undefined>, user: UserRow): Promise<void> {
  await startSessionWithBurst(ctx.socket, ctx.deps, userSession(user));
}

/** An API key login: the key's tenant, acting as the key's creator, with the key's scope. */
async function logInWithApiKey(
  ctx: HandlerContext<Session | undefined>,
  key: string,
): Promise<HandlerResult> {
  const verified = await verifyApiKey(ctx.deps.db, key);
  if (!verified.ok) return failure(apiKeyRejectionMessage(verified.reason));
  const { principal } = verified;
  await startSessionWithBurst(ctx.socket, ctx.deps, {
    userId: principal.userId,
    tenantId: principal.tenantId,
    username: principal.username,
    scope: principal.scope,
    apiKeyId: principal.keyId,
  });
  return { ok: true };
}
