import { describe, expect, it } from 'vitest';
import { assertClaimableDomains } from './assert-claimable-domains.js';
import {
  hasVerificationRecord,
  parseDomainVerification,
  VERIFY_DOMAINS_AT_ONCE,
  type DomainVerification,
} from './domain-verification.js';

const withRecords = (records: Record<string, string[][]>): DomainVerification => ({
  mode: 'dns-txt',
  publicHostnames: ['watchpost.example'],
  resolveTxt: async (name) => {
    const found = records[name];
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found;
  },
});

describe('custom domain verification', () => {
  it('accepts the token in any TXT record of the name, chunked or not', async () => {
    const verification = withRecords({
      '_watchpost-verify.a.test': [['v=spf1 -all'], ['watchpost-verify=', 'abc123']],
    });
    expect(await hasVerificationRecord(verification, 'a.test', 'abc123')).toBe(true);
    expect(await hasVerificationRecord(verification, 'a.test', 'other')).toBe(false);
  });

  it('reads a missing record or a failed lookup as not verified', async () => {
    expect(await hasVerificationRecord(withRecords({}), 'b.test', 'abc123')).toBe(false);
  });

  it("refuses the instance's own hostnames and their subdomains, and only those", () => {
    const verification = withRecords({});
    for (const domain of ['watchpost.example', 'status.watchpost.example']) {
      expect(() => assertClaimableDomains(verification, ['ok.test', domain])).toThrow(
        `Domain ${domain} belongs to this Watchpost instance and cannot be used for a status page`,
      );
    }
    expect(() =>
      assertClaimableDomains(verification, ['notwatchpost.example', 'watchpost.example.org']),
    ).not.toThrow();
    expect(() =>
      assertClaimableDomains(VERIFY_DOMAINS_AT_ONCE, ['watchpost.example']),
    ).not.toThrow();
  });

  it('defaults to DNS verification when distributed and to none when embedded', () => {
    expect(parseDomainVerification({}, 'distributed').mode).toBe('dns-txt');
    expect(parseDomainVerification({}, 'embedded').mode).toBe('off');
    expect(parseDomainVerification({ DOMAIN_VERIFICATION: 'off' }, 'distributed').mode).toBe('off');
    expect(
      parseDomainVerification({ PUBLIC_HOSTNAMES: ' Watchpost.Example, api.example ' }, 'embedded')
        .publicHostnames,
    ).toEqual(['watchpost.example', 'api.example']);
  });

  it('refuses a bad setting at start', () => {
    expect(() => parseDomainVerification({ DOMAIN_VERIFICATION: 'maybe' }, 'embedded')).toThrow(
      /DOMAIN_VERIFICATION/,
    );
    expect(() =>
      parseDomainVerification({ DNS_VERIFY_SERVER: 'dns.example' }, 'distributed'),
    ).toThrow(/DNS_VERIFY_SERVER/);
  });
});
