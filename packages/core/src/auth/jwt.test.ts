import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  loginTokenFingerprint,
  passwordHashFingerprint,
  signLoginToken,
  verifyLoginToken,
} from './jwt.js';

const SECRET = '$2a$10$abcdefghijklmnopqrstuuJ2N9xHkB0Z1Q3R4S5T6U7V8W9X0Y1Z2a';
const NOW = new Date('2024-03-01T12:00:00.750Z');
const IAT = 1709294400;

function b64(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

/** Builds a token by hand so tests can sign arbitrary headers and payloads. */
function forge(header: unknown, payload: unknown, secret = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function decodePart(token: string, index: number): unknown {
  const part = token.split('.')[index];
  if (part === undefined) throw new Error('missing segment');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('signLoginToken / verifyLoginToken', () => {
  it('round-trips username, h and iat', () => {
    const token = signLoginToken({ username: 'admin', h: 'ab'.repeat(16) }, SECRET, NOW);
    expect(verifyLoginToken(token, SECRET)).toEqual({
      username: 'admin',
      h: 'ab'.repeat(16),
      iat: IAT,
    });
  });

  it('writes the header and claims the way upstream (jsonwebtoken) does, without exp', () => {
    const token = signLoginToken({ username: 'admin', h: '' }, SECRET, NOW);
    expect(token.split('.')).toHaveLength(3);
    expect(token).not.toContain('=');
    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const payload = decodePart(token, 1);
    expect(payload).toEqual({ username: 'admin', h: '', iat: IAT });
    expect(Object.keys(payload as object)).toEqual(['username', 'h', 'iat']);
  });

  it('matches a token signed independently with the same secret', () => {
    const token = forge({ alg: 'HS256', typ: 'JWT' }, { username: 'admin', h: 'x', iat: IAT });
    expect(signLoginToken({ username: 'admin', h: 'x' }, SECRET, NOW)).toBe(token);
  });

  it('accepts a 1.23.0–1.23.2 token without h, reading h as ""', () => {
    const token = forge({ alg: 'HS256', typ: 'JWT' }, { username: 'admin', iat: IAT });
    expect(verifyLoginToken(token, SECRET)).toEqual({ username: 'admin', h: '', iat: IAT });
  });

  it('keeps non-ASCII usernames intact', () => {
    const token = signLoginToken({ username: 'jürgen 🦊', h: '' }, SECRET, NOW);
    expect(verifyLoginToken(token, SECRET)?.username).toBe('jürgen 🦊');
  });

  it('rejects a token signed with another secret', () => {
    const token = signLoginToken({ username: 'admin', h: '' }, 'other secret', NOW);
    expect(verifyLoginToken(token, SECRET)).toBeNull();
  });

  it('rejects a tampered payload', () => {
    const token = signLoginToken({ username: 'admin', h: 'aa' }, SECRET, NOW);
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${b64({ username: 'root', h: 'aa', iat: IAT })}.${signature}`;
    expect(verifyLoginToken(tampered, SECRET)).toBeNull();
  });

  it('rejects a tampered signature', () => {
    const token = signLoginToken({ username: 'admin', h: '' }, SECRET, NOW);
    const [header, payload, signature = ''] = token.split('.');
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(verifyLoginToken(`${header}.${payload}.${flipped}`, SECRET)).toBeNull();
    expect(verifyLoginToken(`${header}.${payload}.${signature.slice(0, -2)}`, SECRET)).toBeNull();
    expect(verifyLoginToken(`${header}.${payload}.${signature}AA`, SECRET)).toBeNull();
    expect(verifyLoginToken(`${header}.${payload}.`, SECRET)).toBeNull();
  });

  it('rejects a non-canonical base64url spelling of a valid signature', () => {
    const token = signLoginToken({ username: 'admin', h: '' }, SECRET, NOW);
    expect(verifyLoginToken(`${token}=`, SECRET)).toBeNull();
    expect(verifyLoginToken(`${token}*`, SECRET)).toBeNull();
  });

  it('rejects alg "none"', () => {
    const payload = b64({ username: 'admin', h: '', iat: IAT });
    expect(verifyLoginToken(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, SECRET)).toBeNull();
    // Even with a correct HMAC the header must say HS256.
    const none = forge({ alg: 'none' }, { username: 'admin', h: '', iat: IAT });
    expect(verifyLoginToken(none, SECRET)).toBeNull();
  });

  it('rejects other algorithms and headers without alg', () => {
    for (const header of [{ alg: 'HS512' }, { alg: 'hs256' }, { typ: 'JWT' }, [], 'HS256']) {
      const token = forge(header, { username: 'admin', h: '', iat: IAT });
      expect(verifyLoginToken(token, SECRET), JSON.stringify(header)).toBeNull();
    }
  });

  it('rejects payloads lacking a string username or a numeric iat, or with a non-string h', () => {
    const payloads: unknown[] = [
      { h: '', iat: IAT },
      { username: 42, h: '', iat: IAT },
      { username: null, h: '', iat: IAT },
      { username: 'admin', h: 5, iat: IAT },
      { username: 'admin', h: null, iat: IAT },
      { username: 'admin', h: '' },
      { username: 'admin', h: '', iat: '1709294400' },
      null,
      ['admin'],
      'admin',
      42,
    ];
    for (const payload of payloads) {
      const token = forge({ alg: 'HS256', typ: 'JWT' }, payload);
      expect(verifyLoginToken(token, SECRET), JSON.stringify(payload)).toBeNull();
    }
  });

  it('rejects garbage without throwing', () => {
    const good = signLoginToken({ username: 'admin', h: '' }, SECRET, NOW);
    const [header = '', payload = '', signature = ''] = good.split('.');
    const hmac = (input: string): string =>
      createHmac('sha256', SECRET).update(input).digest('base64url');
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      {},
      ['a', 'b', 'c'],
      '',
      '.',
      '..',
      'abc',
      'a.b',
      'a.b.c',
      `${good}.${signature}`,
      `${header}.${payload}`,
      `.${payload}.${signature}`,
      `${header}..${signature}`,
      // Correctly signed, but the payload segment is not base64url / not JSON.
      `${header}.pay*load.${hmac(`${header}.pay*load`)}`,
      `${header}.${b64('not json')}.${hmac(`${header}.${b64('not json')}`)}`,
      `${b64('{"alg":')}.${payload}.${hmac(`${b64('{"alg":')}.${payload}`)}`,
    ];
    for (const token of garbage) {
      expect(verifyLoginToken(token, SECRET), String(token)).toBeNull();
    }
  });

  it('refuses to sign or verify with an empty secret', () => {
    expect(() => signLoginToken({ username: 'admin', h: '' }, '', NOW)).toThrow();
    expect(verifyLoginToken(forge({ alg: 'HS256' }, { username: 'a', iat: 1 }, ''), '')).toBeNull();
  });
});

describe('passwordHashFingerprint', () => {
  const hashA = '$2a$10$LnanCQltLCukRpaug6gg2uZNfTbJz1i6Ab0V6/lXr3/vJnTgeyt7G';
  const hashB = '$2b$10$MObwqZ6v6FUaGPMlRZIxzO80770OiLst6hgZIfrnZBdst/YWogSYG';

  it('is 32 lowercase hex characters (16 bytes of SHAKE-256)', () => {
    expect(passwordHashFingerprint(hashA)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('matches the SHAKE-256 test vector for "abc"', () => {
    // NIST FIPS 202 example value, truncated to the 16 bytes docs/protocol/authentication.md#login-tokens uses.
    expect(passwordHashFingerprint('abc')).toBe('483366601360a8771c6863080cc4114d');
  });

  it('is stable for one hash and changes with the hash', () => {
    expect(passwordHashFingerprint(hashA)).toBe(passwordHashFingerprint(hashA));
    expect(passwordHashFingerprint(hashA)).not.toBe(passwordHashFingerprint(hashB));
  });

  it('is "" for an empty stored hash', () => {
    expect(passwordHashFingerprint('')).toBe('');
  });
});

describe('loginTokenFingerprint', () => {
  it('is upstream’s h until the first logout, then changes with every one', () => {
    const passwordHash = '$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';
    const atVersion = (loginTokenVersion: number) =>
      loginTokenFingerprint({ passwordHash, loginTokenVersion });
    expect(atVersion(0)).toBe(passwordHashFingerprint(passwordHash));
    expect(new Set([atVersion(0), atVersion(1), atVersion(2)]).size).toBe(3);
    expect(atVersion(1)).toMatch(/^[0-9a-f]{32}$/);
  });
});
