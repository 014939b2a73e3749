import { describe, expect, it } from 'vitest';
import { certNameOf, parseCertInfo } from './certificate.js';

describe('parseCertInfo', () => {
  it('reads the certInfo text (docs/protocol/monitors.md#tls-info)', () => {
    const text = JSON.stringify({
      valid: true,
      certInfo: { issuer: { CN: 'R3', O: "Let's Encrypt" }, daysRemaining: 40 },
    });
    expect(parseCertInfo(text)).toMatchObject({ valid: true, certInfo: { daysRemaining: 40 } });
  });

  it('answers null for nothing, broken JSON or a shape without certInfo', () => {
    expect(parseCertInfo(null)).toBeNull();
    expect(parseCertInfo('{oops')).toBeNull();
    expect(parseCertInfo('"text"')).toBeNull();
    expect(parseCertInfo('{"valid":true}')).toBeNull();
  });
});

describe('certNameOf', () => {
  it('prefers the common name, then the organisation, then every field', () => {
    expect(certNameOf({ CN: 'shop.test', O: 'Shop' })).toBe('shop.test');
    expect(certNameOf({ O: 'Shop', C: 'DE' })).toBe('Shop');
    expect(certNameOf({ CN: ['a.test', 'b.test'] })).toBe('a.test, b.test');
    expect(certNameOf({ C: 'DE', L: 'Berlin' })).toBe('DE, Berlin');
    expect(certNameOf(undefined)).toBe('–');
  });
});
