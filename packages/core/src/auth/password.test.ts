import { describe, expect, it } from 'vitest';
import { WEAK_PASSWORD_MSG, hashPassword, isPasswordTooWeak, verifyPassword } from './password.js';

describe('hashPassword / verifyPassword', () => {
  it('produces a cost-10 bcrypt hash that verifies the same password only', async () => {
    const hash = await hashPassword('Secret123');
    expect(hash).toMatch(/^\$2b\$10\$[./A-Za-z0-9]{53}$/);
    expect(await verifyPassword('Secret123', hash)).toBe(true);
    expect(await verifyPassword('secret123', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so hashing the same password twice differs', async () => {
    const [a, b] = await Promise.all([hashPassword('Secret123'), hashPassword('Secret123')]);
    expect(a).not.toBe(b);
  });

  it('verifies $2a$ hashes as upstream (bcryptjs 2) stores them', async () => {
    const upstream = '$2a$10$LnanCQltLCukRpaug6gg2uZNfTbJz1i6Ab0V6/lXr3/vJnTgeyt7G'; // "admin123"
    expect(await verifyPassword('admin123', upstream)).toBe(true);
    expect(await verifyPassword('admin124', upstream)).toBe(false);
  });

  it('answers false for non-string input instead of throwing', async () => {
    const hash = await hashPassword('Secret123');
    for (const plain of [undefined, null, 123, {}, ['Secret123']]) {
      expect(await verifyPassword(plain, hash)).toBe(false);
    }
    expect(await verifyPassword('Secret123', null)).toBe(false);
    expect(await verifyPassword('Secret123', 42)).toBe(false);
  });

  it('answers false for malformed hashes instead of throwing', async () => {
    const malformed = [
      '',
      'not a hash',
      'sha1$abc$def',
      '$2a$10$',
      // Right length, broken salt and cost fields.
      '$2a$XX$' + 'a'.repeat(53),
      '$9z$10$' + 'a'.repeat(53),
      '$2a$10$' + '*'.repeat(53),
    ];
    for (const hash of malformed) {
      await expect(verifyPassword('Secret123', hash)).resolves.toBe(false);
    }
  });
});

describe('isPasswordTooWeak (docs/protocol/authentication.md#first-run-setup)', () => {
  it.each([
    ['', true],
    ['abc12', true], // two classes but only 5 characters
    ['abcdef', true], // 6 characters, one class
    ['ABCDEFGH', true],
    ['12345678', true],
    ['!!!!!!!!', true],
    ['abc   def', true], // a space is not a symbol
    ['abcdéf', true], // non-ASCII is no class
    ['abc123', false], // lowercase + digit
    ['abcDEF', false], // lowercase + uppercase
    ['ABC123', false], // uppercase + digit
    ['abc!@#', false], // lowercase + symbol
    ['123-45', false], // digit + symbol
    ['Abcdef1!', false],
  ])('%j → too weak: %s', (plain, tooWeak) => {
    expect(isPasswordTooWeak(plain)).toBe(tooWeak);
  });

  it('counts every ASCII punctuation character as a symbol', () => {
    for (const symbol of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') {
      expect(isPasswordTooWeak(`abcde${symbol}`), symbol).toBe(false);
    }
  });

  it('exposes the exact upstream error text', () => {
    expect(WEAK_PASSWORD_MSG).toBe(
      'Password is too weak. It should contain alphabetic and numeric characters. It must be at least 6 characters in length.',
    );
  });
});
