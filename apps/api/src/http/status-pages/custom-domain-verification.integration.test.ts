import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDomainVerification } from '@watchpost/core/services';
import {
  startDnsTestServer,
  type DnsTestRecord,
  type DnsTestServer,
} from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../../testing/api-test-context.js';
import { rawGet } from '../testing/raw-get.js';

// Custom domains under DNS verification (docs/protocol/status-pages.md#custom-domains), from
// the outside: pages saved over a real socket, TXT records served by a local DNS server, and
// the domain's routing read over real HTTP with the Host header a browser would send.

const OWN_HOST = 'watchpost.example';
const zone: Record<string, DnsTestRecord[]> = {};
let dns: DnsTestServer;
let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;

interface DomainState {
  domain: string;
  verified: boolean;
  txtName: string;
  txtValue: string;
}
type Ack = { ok: boolean; msg?: string; domainVerification?: DomainState[] };

const config = (slug: string, domainNameList: string[], title = 'Status') => ({
  slug,
  title,
  description: null,
  icon: '/icon.svg',
  theme: 'auto',
  showTags: false,
  domainNameList,
  customCSS: null,
  footerText: null,
  showPoweredBy: true,
  googleAnalyticsId: null,
  showCertificateExpiry: false,
});

const save = (client: TestClient, slug: string, domains: string[], title?: string) =>
  client.call<Ack>('saveStatusPage', slug, config(slug, domains, title), '/icon.svg', []);

/** The page a browser gets at `/` by this host: a redirect to the entry page, or the page. */
const entryFor = async (host: string) =>
  JSON.parse((await rawGet(ctx.node.url, '/api/entry-page', { host })).body) as unknown;

const publishTxt = (state: DomainState | undefined) => {
  if (!state) throw new Error('no verification state');
  zone[state.txtName] = [{ type: 'TXT', chunks: [state.txtValue] }];
};

beforeAll(async () => {
  dns = await startDnsTestServer(zone);
  ctx = await createApiTestContext('custom-domains', {
    domainVerification: parseDomainVerification(
      { DNS_VERIFY_SERVER: dns.address, PUBLIC_HOSTNAMES: OWN_HOST },
      'distributed',
    ),
  });
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  expect(await a.call('addStatusPage', 'Alice', 'alice')).toMatchObject({ ok: true });
  expect(await b.call('addStatusPage', 'Bob', 'bob')).toMatchObject({ ok: true });
});
afterAll(async () => {
  await ctx?.close();
  await dns?.close();
});

describe('custom domains under DNS verification', () => {
  it('stores and lists a new domain with its TXT record, but does not route it', async () => {
    const ack = await save(a, 'alice', ['status.alice.test']);

    expect(ack.ok).toBe(true);
    expect(ack.domainVerification).toEqual([
      {
        domain: 'status.alice.test',
        verified: false,
        txtName: '_watchpost-verify.status.alice.test',
        txtValue: expect.stringMatching(/^watchpost-verify=[0-9a-f]{32}$/),
      },
    ]);
    const read = await a.call<Ack & { config: { domainNameList: string[] } }>(
      'getStatusPage',
      'alice',
    );
    expect(read.config.domainNameList).toEqual(['status.alice.test']);
    expect(read.domainVerification).toEqual(ack.domainVerification);
    expect(dns.questions).toContain('_watchpost-verify.status.alice.test TXT');
    expect(await entryFor('status.alice.test')).not.toMatchObject({
      type: 'statusPageMatchedDomain',
    });
  });

  it('routes the domain once its TXT record carries the token, checked on the next save', async () => {
    const first = await save(a, 'alice', ['status.alice.test']);
    publishTxt(first.domainVerification?.[0]);

    const second = await save(a, 'alice', ['status.alice.test']);

    expect(second.domainVerification?.[0]).toEqual({
      ...first.domainVerification?.[0],
      verified: true,
    });
    expect(await entryFor('status.alice.test')).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'alice',
    });
  });

  it('does not let an earlier, unverified claim of another tenant block the owner', async () => {
    const squat = await save(b, 'bob', ['shop.owner.test']);
    expect(squat.domainVerification?.[0]?.verified).toBe(false);

    const own = await save(a, 'alice', ['status.alice.test', 'shop.owner.test']);
    const claim = own.domainVerification?.find((d) => d.domain === 'shop.owner.test');
    expect(claim?.txtValue).not.toBe(squat.domainVerification?.[0]?.txtValue);
    publishTxt(claim);
    await save(a, 'alice', ['status.alice.test', 'shop.owner.test']);

    expect(await entryFor('shop.owner.test')).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'alice',
    });
    // The squatter's claim stays unverified, and a new claim of the now verified domain fails.
    const bobRead = await b.call<Ack>('getStatusPage', 'bob');
    expect(bobRead.domainVerification?.[0]).toMatchObject({ verified: false });
    expect(
      await b.call(
        'saveStatusPage',
        'bob',
        config('bob', ['shop.owner.test', 'x.bob.test']),
        '/icon.svg',
        [],
      ),
    ).toEqual({
      ok: false,
      msg: 'Domain shop.owner.test is already in use',
    });
  });

  it("refuses the instance's own hostnames, changing nothing", async () => {
    for (const domain of [OWN_HOST, `api.${OWN_HOST}`]) {
      expect(await save(a, 'alice', [domain], 'Taken over')).toEqual({
        ok: false,
        msg: `Domain ${domain} belongs to this Watchpost instance and cannot be used for a status page`,
      });
    }
    const read = await a.call<{ config: { title: string; domainNameList: string[] } }>(
      'getStatusPage',
      'alice',
    );
    expect(read.config.title).toBe('Status');
    expect(read.config.domainNameList).toEqual(['shop.owner.test', 'status.alice.test']);
  });
});
