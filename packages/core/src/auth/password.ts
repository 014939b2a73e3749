import bcrypt from 'bcryptjs';

/** docs/protocol/authentication.md#first-run-setup / docs/protocol/authentication.md#password-change: clients show this text verbatim. */
export const WEAK_PASSWORD_MSG =
  'Password is too weak. It should contain alphabetic and numeric characters. It must be at least 6 characters in length.';

// docs/protocol/authentication.md#first-run-setup: upstream stores bcrypt hashes with cost 10.
const BCRYPT_COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, BCRYPT_COST);
}

/**
 * Socket handlers pass whatever the client sent (docs/protocol/authentication.md#login: non-strings are wrong credentials), and
 * a stored hash may be corrupt or from an unsupported scheme, so this answers false instead of
 * throwing.
 */
export async function verifyPassword(plain: unknown, hash: unknown): Promise<boolean> {
  if (typeof plain !== 'string' || typeof hash !== 'string') return false;
  try {
    return await bcrypt.compare(plain, hash);
  } catch {
    return false;
  }
}

// The character classes of `check-password-strength` 2.x, which upstream uses (docs/protocol/authentication.md#first-run-setup). Its
// "symbol" class is ASCII punctuation only: a space or a non-ASCII character counts as no class.
const CHARACTER_CLASSES: readonly RegExp[] = [
  /[a-z]/,
  /[A-Z]/,
  /[0-9]/,
  /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/,
];
const MIN_LENGTH = 6;
const MIN_CLASSES = 2;

/** True when `check-password-strength` would rate the password "Too weak" (docs/protocol/authentication.md#first-run-setup). */
export function isPasswordTooWeak(plain: string): boolean {
  // `.length` counts UTF-16 code units, as the upstream library does.
  if (plain.length < MIN_LENGTH) return true;
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(plain)).length;
  return classes < MIN_CLASSES;
}
