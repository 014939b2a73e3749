import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * docs/protocol/api-keys.md: a key is `uk<id>_<secret>`, the secret 40 characters of `A–Z a–z 0–9 _ -`.
 * 30 random bytes in base64url are exactly 40 such characters (240 bits).
 */
const SECRET_BYTES = 30;
const KEY_PATTERN = /^uk([1-9]\d{0,9})_([A-Za-z0-9_-]{40})$/;
// Key ids live in a Postgres `integer` column.
const MAX_KEY_ID = 2 ** 31 - 1;

export interface ParsedApiKey {
  id: number;
  secret: string;
}

export function generateApiKeySecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function formatApiKey(id: number, secret: string): string {
  return `uk${id}_${secret}`;
}

/**
 * Splits a presented key like upstream (id up to the first `_`, the rest is the secret), but
 * only accepts the exact shape we issue, so anything else is "malformed" without a query.
 */
export function parseApiKey(presented: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return null;
  const id = Number(match[1]);
  if (id > MAX_KEY_ID) return null;
  return { id, secret: match[2] as string };
}

/**
 * SHA-256, not bcrypt like upstream: bcrypt exists to slow down guessing low-entropy
 * passwords, and a 240-bit random secret cannot be guessed at any speed. A bcrypt round per
 * request would instead make every scrape and API call cost ~50 ms of CPU, and let anyone
 * with a made-up key burn that CPU (issue 4: "no slow hash per request").
 */
export function hashApiKeySecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time, so response times do not reveal how much of a guessed hash matched. */
export function apiKeySecretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashApiKeySecret(secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
