const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What Kuma's web UI generates: 32 characters of `A-Za-z0-9` (about 190 bits). */
export const PUSH_TOKEN_LENGTH = 32;

/**
 * A push token is the only secret in a push URL and is looked up across all tenants, so it
 * must be unguessable: Web Crypto (browser-safe, like the rest of the root export), with
 * rejection sampling so every character is equally likely.
 */
export function generatePushToken(length = PUSH_TOKEN_LENGTH): string {
  // 248 is the largest multiple of 62 below 256; bytes at or above it would favour the
  // first characters of the alphabet.
  const limit = 256 - (256 % ALPHABET.length);
  let token = '';
  while (token.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && token.length < length) token += ALPHABET[byte % ALPHABET.length];
    }
  }
  return token;
}
