import { describe, expect, it } from 'vitest';
import {
  apiKeySecretMatches,
  formatApiKey,
  generateApiKeySecret,
  hashApiKeySecret,
  parseApiKey,
} from './api-key-secret.js';

describe('API key secrets', () => {
  it('generates 40 characters of the URL-safe alphabet, different every time', () => {
    const secrets = Array.from({ length: 50 }, generateApiKeySecret);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('round-trips the uk<id>_<secret> form, including secrets that contain "_"', () => {
    const secret = '_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCx_';
    expect(formatApiKey(12, secret)).toBe(`uk12_${secret}`);
    expect(parseApiKey(`uk12_${secret}`)).toEqual({ id: 12, secret });
  });

  it.each([
    ['empty', ''],
    ['no prefix', '1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY'],
    ['no id', 'uk_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY'],
    ['id zero', 'uk0_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY'],
    ['id beyond int4', 'uk2147483648_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY'],
    ['short secret', 'uk1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxW'],
    ['long secret', 'uk1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWYZ'],
    ['bad character', 'uk1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCx+Y'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6ImEifQ.c2ln'],
    ['trailing newline', 'uk1_9XPRjV7ilGj9CvWRKYiBPq9GLtQs74UzTxKfCxWY\n'],
  ])('refuses a malformed key (%s)', (_case, presented) => {
    expect(parseApiKey(presented)).toBeNull();
  });

  it('matches a secret only against its own hash', () => {
    const secret = generateApiKeySecret();
    const hash = hashApiKeySecret(secret);
    expect(hash).toHaveLength(32);
    expect(apiKeySecretMatches(secret, hash)).toBe(true);
    expect(apiKeySecretMatches(generateApiKeySecret(), hash)).toBe(false);
    expect(apiKeySecretMatches(secret, hash.subarray(0, 16))).toBe(false);
  });
});
