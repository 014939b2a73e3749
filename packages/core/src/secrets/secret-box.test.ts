import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, parseSecretKeys, type SecretKey } from './secret-box.js';

const key = (id: string, fill: number): SecretKey => ({ id, key: Buffer.alloc(32, fill) });
const older = key('old', 1);
const newer = key('new', 2);

describe('createSecretBox', () => {
  it('seals with the first key so that only the sealed form is stored, and opens it again', () => {
    const box = createSecretBox([newer, older]);
    const sealed = box.seal('proxies.password', 'hunter2');
    expect(sealed).toMatch(/^wpsec1:new:/);
    expect(sealed).not.toContain('hunter2');
    expect(box.open('proxies.password', sealed)).toBe('hunter2');
    // A fresh IV each time: equal secrets do not look equal at rest.
    expect(box.seal('proxies.password', 'hunter2')).not.toBe(sealed);
  });

  it('opens values sealed with an older key and says which values a rotation must rewrite', () => {
    const sealedOld = createSecretBox([older]).seal('users.twofa_secret', 'JBSWY3DP');
    const box = createSecretBox([newer, older]);
    expect(box.open('users.twofa_secret', sealedOld)).toBe('JBSWY3DP');
    expect(box.isCurrent(sealedOld)).toBe(false);
    expect(box.isCurrent(box.seal('users.twofa_secret', 'x'))).toBe(true);
    expect(box.isCurrent('stored before encryption')).toBe(false);
  });

  it('passes a value stored before encryption through unchanged', () => {
    const box = createSecretBox([newer]);
    expect(box.open('proxies.password', 'legacy clear')).toBe('legacy clear');
    expect(isSealed('legacy clear')).toBe(false);
  });

  it('refuses a value moved to another column, a tampered value and an unknown key', () => {
    const box = createSecretBox([newer]);
    const sealed = box.seal('monitors.headers', '{"Authorization":"Bearer t"}');
    expect(() => box.open('monitors.basic_auth_pass', sealed)).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open('monitors.headers', tampered)).toThrow();
    const foreign = createSecretBox([key('gone', 3)]).seal('monitors.headers', 'x');
    expect(() => box.open('monitors.headers', foreign)).toThrow(
      'A stored secret was sealed with key "gone", which SECRETS_KEY lacks',
    );
  });
});

describe('parseSecretKeys', () => {
  const b64 = Buffer.alloc(32, 9).toString('base64');

  it('reads id:base64 entries, first one first', () => {
    expect(parseSecretKeys(`a:${b64}, b:${b64}`).map((k) => k.id)).toEqual(['a', 'b']);
  });

  it('names what is wrong without echoing the key', () => {
    expect(() => parseSecretKeys('')).toThrow('SECRETS_KEY holds no key');
    expect(() => parseSecretKeys(b64)).toThrow('entry 1 must look like id:base64key');
    expect(() => parseSecretKeys('a:c2hvcnQ=')).toThrow('key "a" must be 32 bytes');
    expect(() => parseSecretKeys(`a:${b64},a:${b64}`)).toThrow('names one key id twice');
    try {
      parseSecretKeys('a:c2hvcnQ=');
    } catch (error) {
      expect((error as Error).message).not.toContain('c2hvcnQ=');
    }
  });
});
