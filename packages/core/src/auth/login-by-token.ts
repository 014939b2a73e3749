import { apiKeyRejectionMessage, verifyApiKey } from '../api-keys/verify-api-key.js';
import { AppError } from '../errors/app-error.js';
import * as userRepository from '../users/user-repository.js';
import { loginTokenFingerprint, verifyLoginToken } from './jwt.js';
import type { LoginContext } from './login-context.js';
import { identityOfUser, type LoginIdentity } from './login-identity.js';

// Literal texts of docs/protocol/authentication.md#loginbytoken.
const INVALID_TOKEN_MSG = 'Invalid token.';
const INACTIVE_USER_MSG = 'The user is inactive or deleted.';

const API_KEY_PREFIX = 'uk';
// A login token is ~200 characters; anything far longer is not one of ours.
const MAX_TOKEN_LENGTH = 4096;

/**
 * docs/protocol/authentication.md#loginbytoken. Tokens never expire; `h` ties them to the current password hash (docs/protocol/compatibility.md#tokens-after-a-password-change a).
 * An API key works here too (issue 4), logging in as its tenant with its scope.
 */
export async function loginByToken(ctx: LoginContext, token: unknown): Promise<LoginIdentity> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
    throw new AppError('not-logged-in', INVALID_TOKEN_MSG);
  }
  // Our JWTs start with `eyJ` (a JSON header); every API key with `uk` (docs/protocol/api-keys.md).
  if (token.startsWith(API_KEY_PREFIX)) return loginByApiKey(ctx, token);
  const claims = verifyLoginToken(token, ctx.jwtSecret);
  if (!claims) throw new AppError('not-logged-in', INVALID_TOKEN_MSG);
  const user = await userRepository.findUserByUsername(ctx.db, claims.username);
  if (!user || !user.active) throw new AppError('not-logged-in', INACTIVE_USER_MSG);
  if (claims.h !== loginTokenFingerprint(user)) {
    throw new AppError('not-logged-in', INVALID_TOKEN_MSG);
  }
  return identityOfUser(user);
}

/** An API key login: the key's tenant, acting as the key's creator, with the key's scope. */
async function loginByApiKey(ctx: LoginContext, key: string): Promise<LoginIdentity> {
  const verified = await verifyApiKey(ctx.db, key);
  if (!verified.ok) throw new AppError('not-logged-in', apiKeyRejectionMessage(verified.reason));
  const { principal } = verified;
  return {
    userId: principal.userId,
    tenantId: principal.tenantId,
    username: principal.username,
    scope: principal.scope,
    apiKeyId: principal.keyId,
    apiKeyExpiresAt: principal.expiresAt,
  };
}
