import type { DetailedPeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { hasCertificate, parseSubjectAltNames, toCertInfo } from './cert-info.js';

const NOW = new Date('2025-01-01T00:00:00.000Z');

function makePeerCert(overrides: Partial<DetailedPeerCertificate> = {}): DetailedPeerCertificate {
  return {
    subject: Object.assign(Object.create(null) as object, { CN: 'example.test' }),
    issuer: Object.assign(Object.create(null) as object, { CN: 'Example CA' }),
    subjectaltname: 'DNS:example.test, DNS:www.example.test',
    valid_from: 'Dec  2 00:00:00 2024 GMT',
    valid_to: 'Jan 31 00:00:00 2025 GMT',
    fingerprint: 'AA:01',
    fingerprint256: 'BB:01',
    fingerprint512: 'CC:01',
    serialNumber: '01',
    raw: Buffer.from('raw'),
    pubkey: Buffer.from('pubkey'),
    bits: 2048,
    ...overrides,
  } as unknown as DetailedPeerCertificate;
}

function selfIssued(cert: DetailedPeerCertificate): DetailedPeerCertificate {
  cert.issuerCertificate = cert;
  return cert;
}

describe('toCertInfo', () => {
  it('labels a lone certificate that is its own issuer as self-signed', () => {
    const info = toCertInfo(selfIssued(makePeerCert()), NOW);

    expect(info.certType).toBe('self-signed');
    expect(info.issuerCertificate).toBeNull();
  });

  it('labels server, intermediate CA and root CA along a complete chain', () => {
    const root = selfIssued(
      makePeerCert({ fingerprint256: 'root', subject: { CN: 'Root' } as never }),
    );
    const intermediate = makePeerCert({ fingerprint256: 'intermediate', issuerCertificate: root });
    const leaf = makePeerCert({ fingerprint256: 'leaf', issuerCertificate: intermediate });

    const info = toCertInfo(leaf, NOW);

    expect(info.certType).toBe('server');
    expect(info.issuerCertificate?.certType).toBe('intermediate CA');
    expect(info.issuerCertificate?.issuerCertificate?.certType).toBe('root CA');
    expect(info.issuerCertificate?.issuerCertificate?.subject).toEqual({ CN: 'Root' });
    expect(info.issuerCertificate?.issuerCertificate?.issuerCertificate).toBeNull();
  });

  it('does not call the top of an incomplete chain a root', () => {
    const intermediate = makePeerCert({ fingerprint256: 'intermediate' });
    const leaf = makePeerCert({ fingerprint256: 'leaf', issuerCertificate: intermediate });

    const info = toCertInfo(leaf, NOW);

    expect(info.certType).toBe('server');
    expect(info.issuerCertificate?.certType).toBe('intermediate CA');
    expect(info.issuerCertificate?.issuerCertificate).toBeNull();
  });

  it('stops at a loop further up the chain', () => {
    const a = makePeerCert({ fingerprint256: 'a' });
    const b = makePeerCert({ fingerprint256: 'b', issuerCertificate: a });
    a.issuerCertificate = b;

    const info = toCertInfo(a, NOW);

    expect(info.certType).toBe('server');
    expect(info.issuerCertificate?.certType).toBe('root CA');
    expect(info.issuerCertificate?.issuerCertificate).toBeNull();
  });

  it('computes validTo and whole days remaining, negative once expired', () => {
    expect(toCertInfo(makePeerCert(), NOW)).toMatchObject({
      validTo: '2025-01-31T00:00:00.000Z',
      daysRemaining: 30,
    });
    const expired = makePeerCert({ valid_to: 'Dec 20 00:00:00 2024 GMT' });
    expect(toCertInfo(expired, NOW).daysRemaining).toBe(-12);
  });

  it('rounds partial days to the nearest whole day', () => {
    const cert = makePeerCert({ valid_to: 'Jan  2 13:00:00 2025 GMT' });
    expect(toCertInfo(cert, NOW).daysRemaining).toBe(2);
  });

  it('keeps the names and fingerprints and leaves the buffers out', () => {
    const info = toCertInfo(makePeerCert(), NOW);

    expect(info).toEqual({
      subject: { CN: 'example.test' },
      issuer: { CN: 'Example CA' },
      subjectaltname: 'DNS:example.test, DNS:www.example.test',
      valid_from: 'Dec  2 00:00:00 2024 GMT',
      valid_to: 'Jan 31 00:00:00 2025 GMT',
      fingerprint: 'AA:01',
      fingerprint256: 'BB:01',
      serialNumber: '01',
      validTo: '2025-01-31T00:00:00.000Z',
      validFor: ['example.test', 'www.example.test'],
      daysRemaining: 30,
      certType: 'server',
      issuerCertificate: null,
    });
    expect(Object.getPrototypeOf(info.subject)).toBe(Object.prototype);
  });

  it('keeps repeated subject attributes as arrays', () => {
    const cert = makePeerCert({ subject: { CN: 'x', OU: ['a', 'b'] } as never });
    expect(toCertInfo(cert, NOW).subject).toEqual({ CN: 'x', OU: ['a', 'b'] });
  });

  it('reports no names for a certificate without subjectaltname', () => {
    const cert = makePeerCert({ subjectaltname: undefined as unknown as string });
    const info = toCertInfo(cert, NOW);

    expect(info.subjectaltname).toBeNull();
    expect(info.validFor).toEqual([]);
  });
});

describe('parseSubjectAltNames', () => {
  it('drops the DNS: and IP Address: prefixes', () => {
    expect(parseSubjectAltNames('DNS:localhost, IP Address:127.0.0.1, IP Address:::1')).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
    ]);
  });
});

describe('hasCertificate', () => {
  it('rejects the empty object Node returns when there is no certificate', () => {
    expect(hasCertificate({})).toBe(false);
    expect(hasCertificate(undefined)).toBe(false);
    expect(hasCertificate(makePeerCert())).toBe(true);
  });
});
