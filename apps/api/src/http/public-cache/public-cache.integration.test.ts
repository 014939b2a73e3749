import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { UP } from '@watchpost/core';
import {
  heartbeatRepository,
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
  statusPageRepository,
} from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestNode,
  type TestUser,
} from '../../testing/api-test-context.js';
import { rawGet } from '../testing/raw-get.js';

function getBytes(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(`${ctx.node.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

// The response cache of the public status-page routes, through real HTTP on two API nodes
// that share Postgres and Redis. A row changed behind the application's back shows whether
// an answer came from memory; a change through the socket API must reach every node's
// cache at once, long before the entries' 30 s / 10 s lifetime.

let ctx: ApiTestContext;
let node2: TestNode;
let alice: TestUser;
let bob: TestUser;
let aliceClient: TestClient;
let bobClient: TestClient;
let aMonitor: number;

const BOB_DOMAIN = 'status.bob.test';

async function createPage(tenantId: number, cfg: Record<string, unknown>, groups: unknown[]) {
  await statusPageRepository.createStatusPage(ctx.db, tenantId, { title: 'x', slug: 'main' });
  await statusPageRepository.saveStatusPage(ctx.db, tenantId, 'main', {
    config: statusPageConfigSchema.parse({ slug: 'main', ...cfg }),
    logo: logoInputSchema.parse('/icon.svg'),
    groups: publicGroupListSchema.parse(groups),
    now: new Date(),
  });
}

/** Changes a page's title without telling anyone, as another process's bug would. */
async function retitleBehindTheBack(tenantId: number, title: string): Promise<void> {
  await ctx.db
    .updateTable('status_pages')
    .set({ title })
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', 'main')
    .execute();
}

/** Saves `main` through the socket API, as the web UI does. */
async function saveMain(client: TestClient, title: string, groups: unknown[], domains: string[]) {
  const config = { slug: 'main', title, domainNameList: domains };
  const ack = await client.call<{ ok: boolean }>(
    'saveStatusPage',
    'main',
    config,
    '/icon.svg',
    groups,
  );
  expect(ack.ok).toBe(true);
}

const get = (path: string, node: TestNode = ctx.node, headers: Record<string, string> = {}) =>
  rawGet(node.url, path, headers);
const titleOf = async (path: string, node?: TestNode, headers?: Record<string, string>) => {
  const res = await get(path, node, headers);
  return (JSON.parse(res.body) as { config: { title: string } }).config.title;
};
/** Waits for what only a cache emptied by the change can answer; far below the TTL. */
const eventually = (check: () => Promise<void>) =>
  waitFor(check, { timeoutMs: 3_000, intervalMs: 50 });

beforeAll(async () => {
  ctx = await createApiTestContext('public-cache');
  node2 = await ctx.startNode();
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  aMonitor = await insertMonitor(ctx.db, alice.tenantId, { name: 'web' });
  const now = new Date();
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: alice.tenantId,
      monitorId: aMonitor,
      status: UP,
      msg: '',
      time: now,
      pingMs: 12,
      durationSec: 60,
      downCount: 0,
      important: true,
      retries: 0,
      nextDueAt: new Date(now.getTime() + 60_000),
    },
  ]);
  await createPage(alice.tenantId, { title: 'Alice' }, [
    { name: 'Services', monitorList: [{ id: aMonitor }] },
  ]);
  await createPage(bob.tenantId, { title: 'Bob', domainNameList: [BOB_DOMAIN] }, []);
  aliceClient = await ctx.connect();
  await aliceClient.login(alice);
  bobClient = await ctx.connect();
  await bobClient.login(bob);
});
afterAll(async () => ctx?.close());

describe('the public response cache', () => {
  it('answers a repeat from memory, byte for byte, with no-cache only on the first', async () => {
    const path = `/t/${alice.tenantId}/api/status-page/main`;
    const first = await get(path);
    await retitleBehindTheBack(alice.tenantId, 'Sneaky');
    const second = await get(path);
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body)).toMatchObject({ config: { title: 'Alice' } });
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(second.headers['cache-control']).toBeUndefined();
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // Each full URL is its own entry: a query string reads afresh.
    expect(await titleOf(`${path}?fresh=1`)).toBe('Sneaky');

    await saveMain(
      aliceClient,
      'Alice',
      [{ name: 'Services', monitorList: [{ id: aMonitor }] }],
      [],
    );
    await eventually(async () => expect(await titleOf(path)).toBe('Alice'));
  });

  it('keeps the page, its HTML, its badge and its heartbeats; replays keep their headers', async () => {
    const base = `/t/${alice.tenantId}`;
    const html = await get(`${base}/status/main`);
    const badge = await get(`${base}/api/status-page/main/badge`);
    const beats = await get(`${base}/api/status-page/heartbeat/main`);
    // Behind the back: the page is renamed and the monitor leaves it.
    await retitleBehindTheBack(alice.tenantId, 'Renamed');
    await ctx.db.deleteFrom('status_page_monitors').where('monitor_id', '=', aMonitor).execute();

    const htmlAgain = await get(`${base}/status/main`);
    expect(htmlAgain.body).toBe(html.body);
    expect(htmlAgain.body).toContain('<h1>Alice</h1>');
    expect(htmlAgain.body).toContain('<span class="pill u">');
    expect(htmlAgain.headers['content-security-policy']).toBe(
      html.headers['content-security-policy'],
    );
    const badgeAgain = await get(`${base}/api/status-page/main/badge`);
    expect(badgeAgain.body).toBe(badge.body);
    expect(badgeAgain.body).toContain('>Up<');
    // Embedded <img> badges keep their browser lifetime on every copy.
    expect(badgeAgain.headers['cache-control']).toBe('public, max-age=30');
    expect((await get(`${base}/api/status-page/heartbeat/main`)).body).toBe(beats.body);
    expect(beats.body).toContain('"ping":12');

    await saveMain(aliceClient, 'Alice', [{ name: 'Services', monitorList: [] }], []);
    await eventually(async () => {
      expect((await get(`${base}/status/main`)).body).not.toContain('<span class="pill u">');
      expect((await get(`${base}/api/status-page/main/badge`)).body).toContain('N/A');
      expect((await get(`${base}/api/status-page/heartbeat/main`)).body).toBe(
        '{"heartbeatList":{},"uptimeList":{}}',
      );
    });
  });

  it('sends large answers gzipped to clients that accept it, the same bytes unzipped', async () => {
    const path = `/t/${alice.tenantId}/status/main`;
    const plain = await get(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    for (const attempt of [1, 2]) {
      const zipped = await getBytes(path, { 'accept-encoding': 'br, gzip;q=0.8' });
      expect(zipped.headers['content-encoding'], `attempt ${attempt}`).toBe('gzip');
      expect(gunzipSync(zipped.body).toString()).toBe(plain.body);
    }
    const refused = await getBytes(path, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    // Small answers are not worth it.
    const badge = await getBytes(`/t/${alice.tenantId}/api/status-page/main/badge`, {
      'accept-encoding': 'gzip',
    });
    expect(badge.headers['content-encoding']).toBeUndefined();
  });

  it('empties every node when one node saves a page', async () => {
    const path = `/t/${alice.tenantId}/api/status-page/main`;
    expect(await titleOf(path, node2)).toBe('Alice');
    await retitleBehindTheBack(alice.tenantId, 'Stale');
    expect(await titleOf(path, node2)).toBe('Alice');

    await saveMain(aliceClient, 'Saved on node 1', [], []);
    await eventually(async () => expect(await titleOf(path, node2)).toBe('Saved on node 1'));
  });

  it('follows incidents, maintenance windows and monitor edits', async () => {
    const path = `/t/${alice.tenantId}/api/status-page/main`;
    const page = () => get(path).then((r) => JSON.parse(r.body) as Record<string, unknown>);
    await saveMain(
      aliceClient,
      'Alice',
      [{ name: 'Services', monitorList: [{ id: aMonitor }] }],
      [],
    );
    await eventually(async () => expect(await page()).toMatchObject({ incident: null }));

    await aliceClient.call('postIncident', 'main', {
      title: 'Outage',
      content: 'db',
      style: 'danger',
    });
    await eventually(async () =>
      expect(await page()).toMatchObject({ incident: { title: 'Outage' } }),
    );
    await aliceClient.call('unpinIncident', 'main');
    await eventually(async () => expect(await page()).toMatchObject({ incident: null }));

    const { maintenanceID } = await aliceClient.call<{ maintenanceID: number }>('addMaintenance', {
      title: 'Upgrade',
      strategy: 'manual',
      active: true,
    });
    const { id: pageId } = (await statusPageRepository.findStatusPage(
      ctx.db,
      alice.tenantId,
      'main',
    )) ?? { id: 0 };
    await aliceClient.call('addMaintenanceStatusPage', maintenanceID, [{ id: pageId }]);
    await eventually(async () => expect((await page()).maintenanceList).toHaveLength(1));
    await aliceClient.call('pauseMaintenance', maintenanceID);
    await eventually(async () => expect((await page()).maintenanceList).toEqual([]));

    const monitor = (await aliceClient.call<{ monitor: object }>('getMonitor', aMonitor)).monitor;
    await aliceClient.call('editMonitor', { ...monitor, name: 'web renamed' });
    await eventually(async () =>
      expect(await page()).toMatchObject({
        publicGroupList: [{ monitorList: [{ name: 'web renamed' }] }],
      }),
    );
  });

  it('hides a monitor’s badge at once when it leaves its last status page', async () => {
    const badge = () => get(`/api/badge/${aMonitor}/uptime`).then((r) => r.body);
    expect(await badge()).toContain('Uptime');
    await saveMain(aliceClient, 'Alice', [{ name: 'Services', monitorList: [] }], []);
    await eventually(async () => expect(await badge()).not.toContain('Uptime'));
    expect(await badge()).toContain('N/A');
  });
});

describe('the public response cache across tenants', () => {
  it('never answers one tenant’s URL with another tenant’s `main`', async () => {
    await saveMain(bobClient, 'Bob', [], [BOB_DOMAIN]);
    await saveMain(aliceClient, 'Alice', [], []);
    await eventually(async () => expect(await titleOf('/api/status-page/main')).toBe('Alice'));
    // Same URL, other host: Bob's page, cached under its own key …
    expect(await titleOf('/api/status-page/main', ctx.node, { host: BOB_DOMAIN })).toBe('Bob');
    expect(await titleOf('/api/status-page/main', ctx.node, { host: BOB_DOMAIN })).toBe('Bob');
    // … which never answers Alice's host or her prefix, nor hers his.
    expect(await titleOf('/api/status-page/main')).toBe('Alice');
    expect(await titleOf(`/t/${alice.tenantId}/api/status-page/main`)).toBe('Alice');
    expect(await titleOf(`/t/${bob.tenantId}/api/status-page/main`)).toBe('Bob');
  });

  it('lets one tenant’s saves leave another tenant’s cached pages alone', async () => {
    const alicePath = `/t/${alice.tenantId}/api/status-page/main`;
    const bobPath = `/t/${bob.tenantId}/api/status-page/main`;
    expect(await titleOf(alicePath)).toBe('Alice');
    expect(await titleOf(bobPath)).toBe('Bob');
    await retitleBehindTheBack(alice.tenantId, 'Alice unseen');
    await saveMain(bobClient, 'Bob saved', [], [BOB_DOMAIN]);
    await eventually(async () => expect(await titleOf(bobPath)).toBe('Bob saved'));
    expect(await titleOf(alicePath)).toBe('Alice');
  });

  it('drops host-chosen answers when a custom domain moves to a page', async () => {
    const viaHost = () => titleOf('/api/status-page/main', ctx.node, { host: 'new.bob.test' });
    // No page has the domain yet: Kuma's path serves the first tenant, Alice.
    expect(await viaHost()).toBe('Alice unseen');
    await saveMain(bobClient, 'Bob saved', [], [BOB_DOMAIN, 'new.bob.test']);
    await eventually(async () => expect(await viaHost()).toBe('Bob saved'));
  });
});
