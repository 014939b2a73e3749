import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { waitFor } from '@watchpost/core/testing';
import { UP } from '@watchpost/core';
import {
  heartbeatRepository,
  incidentRepository,
  logoInputSchema,
  publicGroupListSchema,
  settingsRepository,
  statusPageConfigSchema,
  statusPageRepository,
} from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestUser,
} from '../../testing/api-test-context.js';
import { rawGet } from '../testing/raw-get.js';
import { STATUS_PAGE_SCRIPT_PATH } from './status-page-client.js';

// The public routes through real HTTP: both tenants own a page called `main`; Kuma's paths
// serve the first tenant (or the one owning the request's custom domain), `/t/<id>` any.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let aMonitor: number;

const EVIL = '<script>alert(1)</script>';

async function createPage(
  tenantId: number,
  slug: string,
  cfg: Record<string, unknown>,
  groups: unknown[],
): Promise<void> {
  await statusPageRepository.createStatusPage(ctx.db, tenantId, { title: 'x', slug });
  await statusPageRepository.saveStatusPage(ctx.db, tenantId, slug, {
    config: statusPageConfigSchema.parse({ slug, ...cfg }),
    logo: logoInputSchema.parse('/icon.svg'),
    groups: publicGroupListSchema.parse(groups),
    now: new Date(),
  });
}

const get = (path: string) => fetch(`${ctx.node.url}${path}`);
const json = async (path: string) => {
  const res = await get(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const getWithHost = (path: string, host: string) => rawGet(ctx.node.url, path, { host });

beforeAll(async () => {
  ctx = await createApiTestContext('status-page-routes');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  aMonitor = await insertMonitor(ctx.db, alice.tenantId, { name: `web ${EVIL}` });
  const now = new Date();
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: alice.tenantId,
      monitorId: aMonitor,
      status: UP,
      msg: 'secret internal message',
      time: now,
      pingMs: 12,
      durationSec: 60,
      downCount: 0,
      important: true,
      retries: 0,
      nextDueAt: new Date(now.getTime() + 60_000),
    },
  ]);
  await createPage(
    alice.tenantId,
    'main',
    {
      title: `Alice ${EVIL}`,
      description: `desc ${EVIL}`,
      footerText: `foot ${EVIL}`,
      customCSS: `body{color:red}</style><script>alert(2)</script>`,
    },
    [{ name: `group ${EVIL}`, monitorList: [{ id: aMonitor }] }],
  );
  await createPage(bob.tenantId, 'main', { title: 'Bob', domainNameList: ['status.bob.test'] }, [
    { name: 'Bob group', monitorList: [] },
  ]);
  await incidentRepository.postIncident(
    ctx.db,
    alice.tenantId,
    'main',
    { title: `inc ${EVIL}`, content: `body ${EVIL}`, style: 'danger' },
    now,
  );
});
afterAll(async () => ctx?.close());

describe('GET /api/status-page/:slug', () => {
  it('serves each tenant its own `main`', async () => {
    const a = await json(`/t/${alice.tenantId}/api/status-page/main`);
    const b = await json(`/t/${bob.tenantId}/api/status-page/main`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      config: { slug: 'main', title: `Alice ${EVIL}`, icon: '/icon.svg' },
      incident: { title: `inc ${EVIL}`, pin: 1, style: 'danger' },
      publicGroupList: [
        {
          name: `group ${EVIL}`,
          weight: 1,
          monitorList: [{ id: aMonitor, sendUrl: 0, type: 'http' }],
        },
      ],
      maintenanceList: [],
    });
    expect(a.body.config).not.toHaveProperty('id');
    expect(b.body).toMatchObject({ config: { title: 'Bob' }, incident: null });
  });

  it("serves the first tenant on Kuma's path and the domain's tenant by Host", async () => {
    expect((await json('/api/status-page/main')).body).toMatchObject({
      config: { title: `Alice ${EVIL}` },
    });
    const byHost = await getWithHost('/api/status-page/main', 'status.bob.test');
    expect(JSON.parse(byHost.body)).toMatchObject({ config: { title: 'Bob' } });
  });

  it('answers 404 JSON for unknown slugs and tenants', async () => {
    const expected = { status: 404, body: { status: 'fail', msg: 'Not Found' } };
    expect(await json('/api/status-page/nope')).toEqual(expected);
    expect(await json('/t/999999/api/status-page/main')).toEqual(expected);
    expect(await json('/api/status-page/nope/manifest.json')).toEqual(expected);
  });
});

describe('maintenanceList of GET /api/status-page/:slug', () => {
  it('lists the linked windows in progress, and only on their own page', async () => {
    const page = await statusPageRepository.findStatusPage(ctx.db, alice.tenantId, 'main');
    // Through the socket API: its events empty the response cache, which a row written
    // behind the application's back would not.
    const client = await ctx.connect();
    await client.login(alice);
    const { maintenanceID: id } = await client.call<{ maintenanceID: number }>('addMaintenance', {
      title: 'Upgrade',
      strategy: 'manual',
      active: true,
    });
    await client.call('addMaintenanceStatusPage', id, [{ id: page?.id }]);
    await waitFor(async () =>
      expect(
        (await json(`/t/${alice.tenantId}/api/status-page/main`)).body.maintenanceList,
      ).toEqual([expect.objectContaining({ id, title: 'Upgrade', status: 'under-maintenance' })]),
    );
    expect((await json(`/t/${bob.tenantId}/api/status-page/main`)).body.maintenanceList).toEqual(
      [],
    );
  });
});

describe('GET /api/status-page/heartbeat/:slug', () => {
  it('lists blanked beats and the 24 h uptime from the aggregates', async () => {
    const { body } = await json(`/t/${alice.tenantId}/api/status-page/heartbeat/main`);
    expect(body).toEqual({
      heartbeatList: { [aMonitor]: [{ status: UP, time: expect.any(String), msg: '', ping: 12 }] },
      uptimeList: { [`${aMonitor}_24`]: 1 },
    });
    expect((await json(`/t/${bob.tenantId}/api/status-page/heartbeat/main`)).body).toEqual({
      heartbeatList: {},
      uptimeList: {},
    });
    expect((await json('/api/status-page/heartbeat/nope')).body).toEqual({
      heartbeatList: {},
      uptimeList: {},
    });
  });
});

describe('GET /api/status-page/:slug/manifest.json', () => {
  it('names the page and its start URL under the prefix it was asked by', async () => {
    expect((await json(`/t/${bob.tenantId}/api/status-page/main/manifest.json`)).body).toEqual({
      name: 'Bob',
      start_url: `/t/${bob.tenantId}/status/main`,
      display: 'standalone',
      icons: [{ src: '/icon.svg', sizes: '128x128', type: 'image/png' }],
    });
  });
});

describe('GET /api/status-page/:slug/badge', () => {
  it('shows Up for a page whose monitors are up and N/A otherwise', async () => {
    const up = await get(`/t/${alice.tenantId}/api/status-page/main/badge?label=svc`);
    expect(up.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await up.text();
    expect(svg).toContain('>Up<');
    expect(svg).toContain('svc');
    expect(await (await get(`/t/${bob.tenantId}/api/status-page/main/badge`)).text()).toContain(
      'N/A',
    );
    expect(await (await get('/api/status-page/nope/badge')).text()).toContain('N/A');
    expect((await get('/api/status-page/main/badge?style=weird')).status).toBe(400);
  });

  it('makes the badges of page members public', async () => {
    expect(await (await get(`/api/badge/${aMonitor}/status`)).text()).toContain('>Up<');
  });
});

describe('GET /status/:slug', () => {
  it('renders groups, monitors with status and uptime, incident and footer, all escaped', async () => {
    const res = await get(`/t/${alice.tenantId}/status/main`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</style><script');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    for (const text of [
      `Alice ${escaped}`,
      `desc ${escaped}`,
      `foot ${escaped}`,
      `group ${escaped}`,
      `web ${escaped}`,
      `inc ${escaped}`,
      `body ${escaped}`,
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('body{color:red}');
    expect(html).toContain('✔ 100%');
    expect(html).toContain('All Systems Operational');
    expect(html).toContain('title="Up · ');
    // today's daily aggregate, written with the beat, heads the 90-day history
    expect(html).toMatch(/title="[A-Z][a-z]{2} \d{1,2}: 100% up, incident: inc /);
    expect(html).not.toContain('secret internal message');
    // the one script is the page's own, same-origin, allowed by the CSP and nothing else
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([STATUS_PAGE_SCRIPT_PATH]);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it("shows its times in its own tenant's zone, not in another's", async () => {
    await settingsRepository.saveGeneralSettings(ctx.db, bob.tenantId, {
      serverTimezone: 'Asia/Tokyo',
    });
    // A query of its own: a new cache entry, built after the setting.
    const bobs = await (await get(`/t/${bob.tenantId}/status/main?zone`)).text();
    expect(bobs).toContain('<span class=zone>(Asia/Tokyo, UTC+09:00)</span>');
    const alices = await (await get(`/t/${alice.tenantId}/status/main?zone`)).text();
    expect(alices).toMatch(
      /Created <time datetime="[^"]+">[\d: -]+<\/time> <span class=zone>\(UTC\)/,
    );
    expect(alices).not.toContain('Asia/Tokyo');
  });

  it('serves the refresh script it links to', async () => {
    const res = await get(STATUS_PAGE_SCRIPT_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toContain('refreshStatusPage();');
  });

  it('serves each tenant its own page and 404 for unknown slugs', async () => {
    expect(await (await get(`/t/${bob.tenantId}/status/main`)).text()).toContain('<h1>Bob</h1>');
    expect((await getWithHost('/status/main', 'status.bob.test')).body).toContain('<h1>Bob</h1>');
    expect((await get('/status/nope')).status).toBe(404);
    expect((await get('/upload/logo999999.png')).status).toBe(404);
    expect((await get('/upload/..%2Fetc%2Fpasswd')).status).toBe(404);
  });
});

describe('GET /status/:slug/feed.atom', () => {
  it("lists the page's incidents as Atom, for its own tenant only", async () => {
    const res = await get(`/t/${alice.tenantId}/status/main/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = new XMLParser().parse(xml);
    expect(feed.entry.title).toBe(`inc ${EVIL}`);
    expect(feed.link).toBeDefined();
    expect(xml).toContain(`${ctx.node.url}/t/${alice.tenantId}/status/main#incident-`);
    const bobs = new XMLParser().parse(
      await (await get(`/t/${bob.tenantId}/status/main/feed.atom`)).text(),
    );
    expect(bobs.feed.title).toBe('Bob incidents');
    expect(bobs.feed.entry).toBeUndefined();
    expect((await get('/status/nope/feed.atom')).status).toBe(404);
    expect((await get(`/t/999999/status/main/feed.atom`)).status).toBe(404);
  });
});

describe('GET /status/:slug/widget.svg', () => {
  it("shows the page's verdict, per tenant, and refuses a bad theme", async () => {
    const res = await get(`/t/${alice.tenantId}/status/main/widget.svg?theme=dark`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(await res.text()).toContain('>All Systems Operational</text>');
    expect(await (await get(`/t/${bob.tenantId}/status/main/widget.svg`)).text()).toContain(
      '>No data yet</text>',
    );
    expect(await (await get('/status/nope/widget.svg')).text()).toContain('Unknown status page');
    expect((await get('/status/main/widget.svg?theme=pink')).status).toBe(400);
  });
});

describe('GET /status/:slug/widget', () => {
  it("shows the page's verdict as a small HTML page any site may frame, per tenant", async () => {
    const res = await get(`/t/${alice.tenantId}/status/main/widget?theme=dark`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<strong>All Systems Operational</strong>');
    expect(html).toContain(`href="/t/${alice.tenantId}/status/main"`);
    expect(html).not.toContain('<script>');
    const bobs = await (await get(`/t/${bob.tenantId}/status/main/widget`)).text();
    expect(bobs).toContain('<strong>No data yet</strong>');
    expect(bobs).not.toContain('Alice');
    expect(await (await get('/status/nope/widget')).text()).toContain('Unknown status page');
    expect(await json('/status/main/widget?theme=pink')).toEqual({
      status: 400,
      body: { status: 'fail', msg: 'Invalid theme' },
    });
    // A replay from the node's cache is the same answer.
    expect(await (await get(`/t/${alice.tenantId}/status/main/widget?theme=dark`)).text()).toBe(
      html,
    );
  });
});

describe('GET /status and /status-page', () => {
  it('serve the page with slug `default`, as upstream does, and 404 while there is none', async () => {
    expect((await get('/status')).status).toBe(404);
    await createPage(alice.tenantId, 'default', { title: 'Alice default' }, []);
    await createPage(bob.tenantId, 'default', { title: 'Bob default' }, []);
    for (const path of ['/status', '/status-page', `/t/${alice.tenantId}/status`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<h1>Alice default</h1>');
    }
    expect(await (await get(`/t/${bob.tenantId}/status-page`)).text()).toContain(
      '<h1>Bob default</h1>',
    );
    expect((await getWithHost('/status', 'status.bob.test')).body).toContain(
      '<h1>Bob default</h1>',
    );
  });

  it('finds no tenant under a `/t/` segment that is no id', async () => {
    expect((await get('/t/abc/status/main')).status).toBe(404);
    expect(await json('/t/abc/api/status-page/main')).toEqual({
      status: 404,
      body: { status: 'fail', msg: 'Not Found' },
    });
  });
});
