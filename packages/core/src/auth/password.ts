// The native binding hashes on libuv's thread pool, so a login's ~50 ms of bcrypt never blocks
// the API node's event loop (bcryptjs computes on the main thread, in slices that still
// delay every other socket), and its prebuilt binaries come from the npm registry.
import { hash as bcryptHash, verify as bcryptVerify } from '@node-rs/bcrypt';

/** docs/protocol/authentication.md#first-run-setup / docs/protocol/authentication.md#password-change: clients show this text verbatim. */
export const WEAK_PASSWORD_MSG =
  'Password is too weak. It should contain alphabetic and numeric characters. It must be at least 6 characters in length.';

// docs/protocol/authentication.md#first-run-setup: upstream stores bcrypt hashes with cost 10.
const BCRYPT_COST = 10;

export async function hashPassword(plain: string): Promise<string> {
  // `$2y$` (what the binding writes) and `$2b$` name the same algorithm; `$2b$` is what
  // bcryptjs and OpenBSD write, so stored hashes keep one spelling whichever library made them.
  const hashed = await bcryptHash(plain, BCRYPT_COST);
  return hashed.startsWith('$2y$') ? `$2b$${hashed.slice(4)}` : hashed;
}

/**
 * Socket handlers pass whatever the client sent (docs/protocol/authentication.md#login: non-strings are wrong credentials), and
 * a stored hash may be corrupt or from an unsupported scheme, so this answers false instead of
 * throwing.
 */
export async function verifyPassword(plain: unknown, hash: unknown): Promise<boolean> {
  if (typeof plain !== 'string' || typeof hash !== 'string') return false;
  try {
    return await bcryptVerify(plain, hash);
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
