import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key and the id stored with every value it sealed. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

// `wpsec1:<key id>:<base64url of IV (12 bytes) | ciphertext | GCM tag (16 bytes)>`. The key id
// travels with each value, so a rotation can read old values while it writes new ones.
const PREFIX = 'wpsec1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Seals and opens the secrets Watchpost must send on (notification configs, proxy and monitor
 * credentials, TOTP secrets) with AES-256-GCM (architecture rule 7). `field` names the column
 * a value belongs in and is authenticated with it, so a sealed value moved to another column
 * does not open.
 */
export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  seal(field: string, clear: string): string;
  /** The clear text; a value stored before encryption (no prefix) comes back as it is. */
  open(field: string, stored: string): string;
  /** Whether the value is sealed with the current key (else a rotation rewrites it). */
  isCurrent(stored: string): boolean;
}

/** A box that seals with the first key and opens with any of them. */
export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new Error('a secret box needs at least one key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const currentPrefix = `${PREFIX}${current.id}:`;
  return {
    currentKeyId: current.id,
    seal(field, clear) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
      return `${currentPrefix}${sealed}`;
    },
    open(field, stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const end = stored.indexOf(':', PREFIX.length);
      const keyId = stored.slice(PREFIX.length, end);
      const key = end > 0 ? byId.get(keyId) : undefined;
      if (!key) {
        throw new Error(`A stored secret was sealed with key "${keyId}", which SECRETS_KEY lacks`);
      }
      const raw = Buffer.from(stored.slice(end + 1), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    isCurrent(stored) {
      return stored.startsWith(currentPrefix);
    },
  };
}

/** Whether a stored value is sealed (else it was stored before encryption). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** A fresh key, as `SECRETS_KEY` takes it (`id:base64`). */
export function generateSecretKeyText(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/**
 * Parses `SECRETS_KEY`: `id:base64key[,id:base64key…]`, each key 32 bytes; the first seals,
 * all of them open. Throws a message naming what is wrong (never the key itself).
 */
export function parseSecretKeys(text: string): SecretKey[] {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new Error('SECRETS_KEY holds no key');
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    if (colon < 0 || !SECRET_KEY_ID.test(id)) {
      throw new Error(`SECRETS_KEY entry ${index + 1} must look like id:base64key`);
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) {
      throw new Error(
        `SECRETS_KEY key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`,
      );
    }
    return { id, key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new Error('SECRETS_KEY names one key id twice');
  }
  return keys;
}
