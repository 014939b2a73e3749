import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface LoginTokenClaims {
  username: string;
  /** `passwordHashFingerprint` of the password hash the token was issued against (docs/protocol/authentication.md#login-tokens). */
  h: string;
  /** Seconds since the epoch. */
  iat: number;
}

// Byte-for-byte the header `jsonwebtoken` writes, so our tokens look like upstream's.
const HEADER_SEGMENT = encodeJson({ alg: 'HS256', typ: 'JWT' });

/**
 * docs/protocol/authentication.md#login-tokens: HS256, no `exp` (tokens never expire), claims in upstream's order
 * `username, h, iat`.
 */
export function signLoginToken(
  payload: { username: string; h: string },
  secret: string,
  now: Date = new Date(),
): string {
  // An empty key would make every token forgeable; that is a configuration bug, not input.
  if (secret === '') throw new Error('JWT secret must not be empty');
  const claims: LoginTokenClaims = {
    username: payload.username,
    h: payload.h,
    iat: Math.floor(now.getTime() / 1000),
  };
  const signingInput = `${HEADER_SEGMENT}.${encodeJson(claims)}`;
  return `${signingInput}.${sign(signingInput, secret).toString('base64url')}`;
}

/**
 * Answers the claims of a token we signed, or null for anything else: the caller maps every
 * null to the single docs/protocol/authentication.md#loginbytoken reply "Invalid token.". Checking `h` against the current hash and the
 * user's existence is the caller's job.
 */
export function verifyLoginToken(token: unknown, secret: string): LoginTokenClaims | null {
  if (typeof token !== 'string' || secret === '') return null;
  const segments = token.split('.');
  if (segments.length !== 3) return null;
  const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];

  const signature = decodeSegment(signatureSegment);
  if (signature === null) return null;
  const expected = sign(`${headerSegment}.${payloadSegment}`, secret);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;

  const header = parseJsonSegment(headerSegment);
  // Checked even though the signature matched: `alg` must never be taken from the token.
  if (header === null || header['alg'] !== 'HS256') return null;

  const payload = parseJsonSegment(payloadSegment);
  if (payload === null) return null;
  const { username, h = '', iat } = payload;
  if (typeof username !== 'string' || typeof h !== 'string') return null;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return null;
  // `h` defaults to "" because 1.23.0–1.23.2 issued tokens without it (docs/protocol/authentication.md#login-tokens); such a token then
  // only matches a user whose fingerprint is "" and fails the caller's `h` comparison otherwise.
  return { username, h, iat };
}

/**
 * docs/protocol/authentication.md#login-tokens `h`: SHAKE-256 of the stored hash string, 16 bytes, lowercase hex. Binds a token
 * to one password hash, so a password change (new salt) invalidates older tokens.
 */
export function passwordHashFingerprint(storedHash: string): string {
  if (storedHash === '') return '';
  return createHash('shake256', { outputLength: 16 }).update(storedHash, 'utf8').digest('hex');
}

/**
 * The `h` a login token of this user carries: upstream's passwordHashFingerprint until the
 * user first logs out, then the fingerprint of the hash and the logout count, so each
 * `logout` ends every older token (docs/protocol/authentication.md#logout). Clients never read `h`.
 */
export function loginTokenFingerprint(user: {
  passwordHash: string;
  loginTokenVersion: number;
}): string {
  if (user.loginTokenVersion === 0) return passwordHashFingerprint(user.passwordHash);
  return passwordHashFingerprint(`${user.passwordHash}\n${user.loginTokenVersion}`);
}

function sign(signingInput: string, secret: string): Buffer {
  // Upstream uses the secret string verbatim as a UTF-8 HMAC key (docs/protocol/authentication.md#login-tokens).
  return createHmac('sha256', secret).update(signingInput, 'utf8').digest();
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Node's base64url decoder skips characters it does not know, so "aGk*" would decode like
 * "aGk". Re-encoding and comparing accepts only the one canonical, unpadded spelling.
 */
function decodeSegment(segment: string): Buffer | null {
  if (segment === '') return null;
  const bytes = Buffer.from(segment, 'base64url');
  return bytes.toString('base64url') === segment ? bytes : null;
}

function parseJsonSegment(segment: string): Record<string, unknown> | null {
  const bytes = decodeSegment(segment);
  if (bytes === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}
