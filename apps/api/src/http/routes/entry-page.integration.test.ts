import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
  statusPageRepository,
  settingsRepository,
} from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestUser,
} from '../../testing/api-test-context.js';
import { rawGet } from '../testing/raw-get.js';

// docs/protocol/http.md#other-routes's small routes through real HTTP. Alice is the instance's first tenant, so
// Kuma's plain URLs mean her; Bob is reached by his custom domain or by `/t/<id>`.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;

const ALICE_DOMAIN = 'status.alice.test';
const BOB_DOMAIN = 'status.bob.test';

async function createPage(tenantId: number, slug: string, title: string, domains: string[]) {
  await statusPageRepository.createStatusPage(ctx.db, tenantId, { title, slug });
  await statusPageRepository.saveStatusPage(ctx.db, tenantId, slug, {
    config: statusPageConfigSchema.parse({ slug, title, domainNameList: domains }),
    logo: logoInputSchema.parse('/icon.svg'),
    groups: publicGroupListSchema.parse([]),
    now: new Date(),
  });
}

const settings = (user: TestUser, data: Record<string, unknown>) =>
  settingsRepository.saveGeneralSettings(ctx.db, user.tenantId, data);
const get = (path: string, headers: Record<string, string> = {}) =>
  rawGet(ctx.node.url, path, headers);
const entryPage = async (path: string, headers: Record<string, string> = {}) =>
  JSON.parse((await get(path, headers)).body) as unknown;

beforeAll(async () => {
  ctx = await createApiTestContext('entry-page');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  await createPage(alice.tenantId, 'main', 'Alice main', []);
  await createPage(alice.tenantId, 'home', 'Alice home', [ALICE_DOMAIN]);
  await createPage(bob.tenantId, 'shop', 'Bob shop', [BOB_DOMAIN]);
});
afterAll(async () => ctx?.close());

describe('GET /api/entry-page', () => {
  it('answers the entry page setting, `dashboard` until one is saved', async () => {
    const dashboard = { type: 'entryPage', entryPage: 'dashboard' };
    expect(await entryPage('/api/entry-page')).toEqual(dashboard);
    await settings(alice, { entryPage: 'statusPage-main' });
    expect(await entryPage('/api/entry-page')).toEqual({
      type: 'entryPage',
      entryPage: 'statusPage-main',
    });
    // Each tenant its own setting; an unknown tenant or a malformed prefix has none.
    expect(await entryPage(`/t/${bob.tenantId}/api/entry-page`)).toEqual(dashboard);
    expect(await entryPage('/t/999999/api/entry-page')).toEqual(dashboard);
    expect(await entryPage('/t/abc/api/entry-page')).toEqual(dashboard);
  });

  it('names the page whose custom domain the request came by', async () => {
    expect(await entryPage('/api/entry-page', { host: BOB_DOMAIN })).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'shop',
    });
    expect(await entryPage('/api/entry-page', { host: `${ALICE_DOMAIN}:8080` })).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'home',
    });
    expect(await entryPage(`/t/${bob.tenantId}/api/entry-page`, { host: BOB_DOMAIN })).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'shop',
    });
  });

  it("never names another tenant's page under a `/t/<id>` prefix", async () => {
    expect(await entryPage(`/t/${alice.tenantId}/api/entry-page`, { host: BOB_DOMAIN })).toEqual({
      type: 'entryPage',
      entryPage: 'statusPage-main',
    });
  });

  it('honours X-Forwarded-Host only while the host’s tenant trusts its proxy', async () => {
    const forwarded = { 'x-forwarded-host': `${BOB_DOMAIN}:443, proxy.internal` };
    expect(await entryPage('/api/entry-page', forwarded)).toMatchObject({ type: 'entryPage' });
    // Bob trusting proxies does not make the first tenant's host trust them.
    await settings(bob, { trustProxy: true });
    expect(await entryPage('/api/entry-page', forwarded)).toMatchObject({ type: 'entryPage' });
    await settings(alice, { trustProxy: true });
    expect(await entryPage('/api/entry-page', forwarded)).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'shop',
    });
    // A Host that is itself a custom domain decides; the header is not consulted.
    expect(await entryPage('/api/entry-page', { ...forwarded, host: ALICE_DOMAIN })).toEqual({
      type: 'statusPageMatchedDomain',
      statusPageSlug: 'home',
    });
    expect(await entryPage('/api/entry-page', { 'x-forwarded-host': '<bad>' })).toMatchObject({
      type: 'entryPage',
    });
    await settings(alice, { trustProxy: false });
    await settings(bob, { trustProxy: false });
  });
});

describe('GET /', () => {
  it('redirects to the entry status page, else to the dashboard', async () => {
    await settings(alice, { entryPage: 'statusPage-main' });
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/status/main');
    for (const path of [`/t/${bob.tenantId}/`, `/t/${bob.tenantId}`, '/t/abc/']) {
      const res = await get(path);
      expect([res.status, res.headers.location]).toEqual([302, '/dashboard']);
    }
    await settings(bob, { entryPage: 'statusPage-shop' });
    expect((await get(`/t/${bob.tenantId}/`)).headers.location).toBe(
      `/t/${bob.tenantId}/status/shop`,
    );
  });

  it('serves a custom domain’s own page', async () => {
    const res = await get('/', { host: BOB_DOMAIN });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<h1>Bob shop</h1>');
    expect((await get('/', { host: ALICE_DOMAIN })).body).toContain('<h1>Alice home</h1>');
  });

  it('does not let a stored entry page that is no slug forge a redirect', async () => {
    await settings(alice, { entryPage: 'statusPage-//evil.test/x\r\nSet-Cookie: a=b' });
    const res = await get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/status/%2F%2Fevil.test%2Fx%0D%0ASet-Cookie%3A%20a%3Db');
    expect(res.headers['set-cookie']).toBeUndefined();
    await settings(alice, { entryPage: 'dashboard' });
    expect((await get('/')).headers.location).toBe('/dashboard');
  });
});

describe('GET /robots.txt', () => {
  it('disallows everything unless the host’s tenant allows indexing', async () => {
    const closed = await get('/robots.txt');
    expect(closed.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(closed.body).toBe('User-agent: *\nDisallow: /');
    await settings(alice, { searchEngineIndex: true });
    expect((await get('/robots.txt')).body).toBe('User-agent: *\nDisallow:');
    // Bob's custom domain follows Bob's setting, not the first tenant's.
    expect((await get('/robots.txt', { host: BOB_DOMAIN })).body).toBe(
      'User-agent: *\nDisallow: /',
    );
    await settings(bob, { searchEngineIndex: true });
    expect((await get('/robots.txt', { host: BOB_DOMAIN })).body).toBe('User-agent: *\nDisallow:');
  });
});

describe('GET /.well-known/change-password', () => {
  it("redirects to upstream's page on resetting a password", async () => {
    const res = await get('/.well-known/change-password');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(
      'https://github.com/louislam/uptime-kuma/wiki/Reset-Password-via-CLI',
    );
  });
});
