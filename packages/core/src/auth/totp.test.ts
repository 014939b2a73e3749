import { describe, expect, it } from 'vitest';
import {
  base32Encode,
  generateTotpSecret,
  hotp,
  totpCode,
  totpProvisioningUri,
  verifyTotp,
} from './totp.js';

// RFC 6238 appendix B: the SHA-1 seed and its 8-digit codes.
const RFC_SEED = '12345678901234567890';
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe('totpCode', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, code) => {
    expect(totpCode(RFC_SEED, at(seconds), 8)).toBe(code);
  });

  it.each(RFC_VECTORS)(
    'gives the last 6 digits of the vector at T=%i by default',
    (seconds, code) => {
      expect(totpCode(RFC_SEED, at(seconds))).toBe(code.slice(-6));
    },
  );
});

describe('hotp', () => {
  // RFC 4226 appendix D, counters 0..9.
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];
  it.each(expected.map((code, counter) => [counter, code] as const))(
    'matches the RFC 4226 vector for counter %i',
    (counter, code) => {
      expect(hotp(Buffer.from(RFC_SEED), counter)).toBe(code);
    },
  );
});

describe('verifyTotp', () => {
  const now = at(1111111111);

  it('accepts the current code and the codes one step either side', () => {
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, now), now)).toBe(true);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, at(1111111111 - 30)), now)).toBe(true);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, at(1111111111 + 30)), now)).toBe(true);
  });

  it('refuses codes two steps away', () => {
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, at(1111111111 - 60)), now)).toBe(false);
    expect(verifyTotp(RFC_SEED, totpCode(RFC_SEED, at(1111111111 + 60)), now)).toBe(false);
  });

  it('refuses anything that is not six digits, without throwing', () => {
    const code = totpCode(RFC_SEED, now);
    for (const bad of [undefined, null, 123456, '', '12345', `${code}0`, ` ${code}`, 'abcdef']) {
      expect(verifyTotp(RFC_SEED, bad, now), String(bad)).toBe(false);
    }
  });

  it('refuses the code of another secret', () => {
    expect(verifyTotp(generateTotpSecret(), totpCode(RFC_SEED, now), now)).toBe(false);
  });
});

describe('base32Encode', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes "%s" as RFC 4648 §10 does, without padding', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
  });
});

describe('generateTotpSecret / totpProvisioningUri', () => {
  it('makes 64 alphanumeric characters, different each time', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('carries the secret bytes base32-encoded in 103 characters, as upstream', () => {
    const secret = generateTotpSecret();
    const uri = totpProvisioningUri('admin', secret);
    const match = /^otpauth:\/\/totp\/Uptime%20Kuma:admin\?secret=([A-Z2-7]+)$/.exec(uri);
    expect(match?.[1]).toHaveLength(103);
    expect(match?.[1]).toBe(base32Encode(Buffer.from(secret)));
  });
});
