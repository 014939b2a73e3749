import { describe, expect, it } from 'vitest';
import type { CertInfo, TlsInfo } from '../../checks/tls-info.js';
import { certExpiryNotices } from './cert-expiry.js';

function cert(
  cn: string,
  daysRemaining: number,
  certType: CertInfo['certType'],
  issuer: CertInfo | null = null,
): CertInfo {
  return {
    subject: { CN: cn },
    issuer: { CN: issuer ? String(issuer.subject.CN) : cn },
    subjectaltname: null,
    valid_from: '',
    valid_to: '',
    fingerprint: `fp-${cn}`,
    fingerprint256: `fp256-${cn}`,
    serialNumber: '01',
    validTo: '',
    validFor: [],
    daysRemaining,
    certType,
    issuerCertificate: issuer,
  };
}

const monitor = {
  type: 'http' as const,
  name: 'shop',
  url: 'https://shop.example',
  expiryNotification: true,
  ignoreTls: false,
};
const chain = (leafDays: number, intermediateDays = 400): TlsInfo => ({
  valid: true,
  certInfo: cert(
    'shop.example',
    leafDays,
    'server',
    cert('Example CA R3', intermediateDays, 'intermediate CA', cert('Root X1', 5, 'root CA')),
  ),
});

describe('certExpiryNotices', () => {
  it('words each threshold the leaf falls within as upstream', () => {
    expect(certExpiryNotices(monitor, chain(10))).toEqual([
      {
        days: 14,
        msg: '[shop][https://shop.example] server certificate shop.example will be expired in 10 days',
      },
      {
        days: 21,
        msg: '[shop][https://shop.example] server certificate shop.example will be expired in 10 days',
      },
    ]);
  });

  it('reports an expiring intermediate and never looks past the root', () => {
    const notices = certExpiryNotices(monitor, chain(90, 6));
    expect(notices.map((n) => n.days)).toEqual([7, 14, 21]);
    expect(notices[0]?.msg).toBe(
      '[shop][https://shop.example] intermediate CA certificate Example CA R3 will be expired in 6 days',
    );
    // The root expires in 5 days, but roots are the trust store's business.
    expect(certExpiryNotices(monitor, chain(90, 400))).toEqual([]);
  });

  it('stays quiet when the monitor does not ask, ignores TLS, or is not an HTTP check', () => {
    expect(certExpiryNotices({ ...monitor, expiryNotification: false }, chain(3))).toEqual([]);
    expect(certExpiryNotices({ ...monitor, ignoreTls: true }, chain(3))).toEqual([]);
    expect(certExpiryNotices({ ...monitor, type: 'port' as never }, chain(3))).toEqual([]);
    expect(certExpiryNotices(monitor, undefined)).toEqual([]);
  });
});
