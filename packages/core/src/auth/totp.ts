import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// docs/protocol/authentication.md#two-factor-authentication: HMAC-SHA1, 6 digits, 30-second steps, accepted one step either side.
const STEP_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;
const SECRET_LENGTH = 64;
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A new 2FA secret as upstream makes it: 64 random alphanumeric characters whose ASCII bytes
 * are the HMAC key (docs/protocol/authentication.md#two-factor-authentication). Kept in that form so a secret imported from Kuma keeps working.
 */
export function generateTotpSecret(): string {
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++)
    secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}

/** RFC 4648 base32, upper case, without `=` padding (what authenticator apps expect). */
export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
    // Only the low `bits` bits are still needed; dropping the rest keeps `buffer` small.
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/** The provisioning URI `prepare2FA` answers (docs/protocol/authentication.md#two-factor-authentication), shown to the user as a QR code. */
export function totpProvisioningUri(username: string, secret: string): string {
  // Upstream inserts the username raw; encoding it changes nothing for ordinary names and
  // keeps the URI valid for names with spaces or `?`.
  const label = `Uptime%20Kuma:${encodeURIComponent(username)}`;
  return `otpauth://totp/${label}?secret=${base32Encode(Buffer.from(secret, 'utf8'))}`;
}

/** RFC 4226 HOTP for one counter value, zero-padded to `digits`. */
export function hotp(key: Uint8Array, counter: number, digits: number = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  // Dynamic truncation (RFC 4226 §5.3): the low nibble of the last byte picks 4 bytes.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238 TOTP: the code for the 30-second step that contains `now`. */
export function totpCode(secret: string, now: Date = new Date(), digits: number = DIGITS): string {
  return hotp(Buffer.from(secret, 'utf8'), stepOf(now), digits);
}

/**
 * True when `code` is the code of the current step or one step either side (clock drift,
 * docs/protocol/authentication.md#two-factor-authentication). Refusing a code that was already used is the caller's job (`twofa_last_token`).
 */
export function verifyTotp(secret: string, code: unknown, now: Date = new Date()): boolean {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return false;
  const key = Buffer.from(secret, 'utf8');
  const step = stepOf(now);
  const given = Buffer.from(code, 'utf8');
  let valid = false;
  // Every candidate is compared, so the time taken does not tell which step matched.
  for (let offset = -WINDOW_STEPS; offset <= WINDOW_STEPS; offset++) {
    if (step + offset < 0) continue;
    const expected = Buffer.from(hotp(key, step + offset), 'utf8');
    if (timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}

function stepOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}
