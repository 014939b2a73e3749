import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/status-pages.md event by event over a real socket: ack shapes and texts, the statusPageList push
// before each mutating ack, the stored result read back, refusals that change nothing, and
// tenant isolation of slugs (both tenants own a page called `main`).

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
let aMonitor: number;
let bMonitor: number;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

type Ack = { ok: boolean; msg?: string } & Record<string, unknown>;

/** Calls an event and answers the ack with the pushes of `push` that arrived before it. */
async function callWithPushes(client: TestClient, push: string, event: string, ...args: unknown[]) {
  const start = client.events.length;
  const ack = await client.call<Ack>(event, ...args);
  const before = client.events.slice(start).findIndex((e) => e.event === `ack:${event}`);
  const pushes = client.events.slice(start, start + before).filter((e) => e.event === push);
  return { ack, pushes: pushes.map((p) => p.args) };
}

const config = (slug: unknown, overrides: Record<string, unknown> = {}) => ({
  id: 999,
  slug,
  title: 'Main',
  description: null,
  icon: '/icon.svg',
  theme: 'auto',
  published: true,
  showTags: false,
  domainNameList: [],
  customCSS: null,
  footerText: null,
  showPoweredBy: true,
  googleAnalyticsId: null,
  showCertificateExpiry: false,
  autoRefreshInterval: 300,
  ...overrides,
});

const countPages = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('status_pages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createApiTestContext('status-page-handlers');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  aMonitor = await insertMonitor(ctx.db, alice.tenantId, { name: 'alice web' });
  bMonitor = await insertMonitor(ctx.db, bob.tenantId, { name: 'bob web' });
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
});
afterAll(async () => ctx?.close());

describe('addStatusPage (title, slug)', () => {
  it('creates the page with title first and the slug lower-cased, pushing the list before the ack', async () => {
    const { ack, pushes } = await callWithPushes(
      a,
      'statusPageList',
      'addStatusPage',
      'Alice status',
      'MAIN',
    );
    expect(ack).toEqual({ ok: true, msg: 'OK!' });
    expect(pushes).toHaveLength(1);
    const list = pushes[0]?.[0] as Record<string, { slug: string; title: string }>;
    expect(Object.values(list)).toEqual([
      expect.objectContaining({ slug: 'main', title: 'Alice status' }),
    ]);
  });

  it('lets another tenant use the same slug', async () => {
    expect(await b.call('addStatusPage', 'Bob status', 'main')).toEqual({ ok: true, msg: 'OK!' });
  });

  it('refuses empty fields, bad and taken slugs, changing nothing', async () => {
    const before = await countPages();
    expect(await a.call('addStatusPage', ' ', 'x')).toEqual({
      ok: false,
      msg: 'Please input all fields',
    });
    expect(await a.call('addStatusPage', 'T')).toEqual({
      ok: false,
      msg: 'Please input all fields',
    });
    expect(await a.call('addStatusPage', 'T', 'no spaces')).toEqual({
      ok: false,
      msg: 'Invalid Slug',
    });
    expect(await a.call<Ack>('addStatusPage', 'T', 'main')).toMatchObject({ ok: false });
    expect(await countPages()).toBe(before);
  });
});

describe('getStatusPage (slug)', () => {
  it('answers the StatusPageConfig of the caller’s own page', async () => {
    const ack = await a.call<Ack>('getStatusPage', 'main');
    expect(ack).toEqual({
      ok: true,
      config: {
        id: expect.any(Number),
        slug: 'main',
        title: 'Alice status',
        description: null,
        icon: '/icon.svg',
        theme: 'auto',
        published: true,
        showTags: false,
        domainNameList: [],
        customCSS: null,
        footerText: null,
        showPoweredBy: true,
        googleAnalyticsId: null,
        showCertificateExpiry: false,
        autoRefreshInterval: 300,
      },
      domainVerification: [],
    });
    expect(((await b.call<Ack>('getStatusPage', 'main')).config as { title: string }).title).toBe(
      'Bob status',
    );
    expect(await a.call('getStatusPage', 'nope')).toEqual({ ok: false, msg: 'No slug?' });
    expect(await a.call('getStatusPage', 42)).toEqual({ ok: false, msg: 'No slug?' });
  });
});

describe('saveStatusPage (slug, config, imgDataUrl, publicGroupList)', () => {
  it('saves config, logo and groups, pushes the list, and answers the groups with ids', async () => {
    const groups = [
      {
        name: 'Services',
        weight: 7,
        monitorList: [{ id: aMonitor, name: 'ignored', sendUrl: true }],
      },
      { name: 'Empty', monitorList: [] },
    ];
    const { ack, pushes } = await callWithPushes(
      a,
      'statusPageList',
      'saveStatusPage',
      'main',
      config('main', {
        title: 'Alice <b>',
        footerText: 'foot',
        customCSS: 'body{}',
        domainNameList: ['A.example'],
        autoRefreshInterval: 60,
      }),
      `data:image/png;base64,${PNG.toString('base64')}`,
      groups,
    );
    expect(ack.ok).toBe(true);
    expect(pushes).toHaveLength(1);
    const saved = ack.publicGroupList as { id: number; name: string }[];
    expect(saved.map((g) => g.name)).toEqual(['Services', 'Empty']);
    expect(saved.every((g) => Number.isInteger(g.id))).toBe(true);

    const read = (await a.call<Ack>('getStatusPage', 'main')).config as Record<string, unknown>;
    expect(read).toMatchObject({
      title: 'Alice <b>',
      footerText: 'foot',
      customCSS: 'body{}',
      domainNameList: ['a.example'],
      autoRefreshInterval: 60,
    });
    expect(read.icon).toMatch(/^\/upload\/logo\d+\.png\?t=\d+$/);
    const logo = await fetch(`${ctx.node.url}${String(read.icon)}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(PNG);

    const http = (await (
      await fetch(`${ctx.node.url}/t/${alice.tenantId}/api/status-page/main`)
    ).json()) as {
      publicGroupList: { id: number; monitorList: { id: number; sendUrl: number }[] }[];
    };
    expect(http.publicGroupList.map((g) => g.id)).toEqual(saved.map((g) => g.id));
    expect(http.publicGroupList[0]?.monitorList).toMatchObject([{ id: aMonitor, sendUrl: 1 }]);
  });

  it('refuses bad input with upstream texts and changes nothing', async () => {
    const before = (await a.call<Ack>('getStatusPage', 'main')).config;
    const save = (slug: unknown, cfg: unknown, img: unknown, groups: unknown = []) =>
      a.call<Ack>('saveStatusPage', slug, cfg, img, groups);
    expect(await save('main', config('main'), 'data:image/svg+xml;base64,PHN2Zz4=')).toEqual({
      ok: false,
      msg: 'Only allowed PNG logo.',
    });
    expect(await save('main', config(''), '/icon.svg')).toEqual({
      ok: false,
      msg: 'Slug cannot be empty',
    });
    expect(await save('main', config(5), '/icon.svg')).toEqual({
      ok: false,
      msg: 'Slug must be string',
    });
    expect(await save('main', config('bad slug'), '/icon.svg')).toEqual({
      ok: false,
      msg: 'Invalid Slug',
    });
    expect(await save('main', config('main', { domainNameList: 'x' }), '/icon.svg')).toEqual({
      ok: false,
      msg: 'Invalid array',
    });
    expect(await save('main', config('main', { autoRefreshInterval: 5 }), '/icon.svg')).toEqual({
      ok: false,
      msg: 'The refresh interval is 0 (off) or 30 to 86400 seconds',
    });
    expect(await save('nope', config('nope'), '/icon.svg')).toEqual({ ok: false, msg: 'No slug?' });
    // Bob's monitor id on Alice's page is refused like a missing monitor.
    expect(
      await save('main', config('main'), '/icon.svg', [
        { name: 'x', monitorList: [{ id: bMonitor }] },
      ]),
    ).toEqual({ ok: false, msg: 'Monitor not found' });
    expect((await a.call<Ack>('getStatusPage', 'main')).config).toEqual(before);
  });
});

describe('postIncident (slug, incident) / unpinIncident (slug)', () => {
  it('pins a new incident, updates it by id, and unpins it', async () => {
    const posted = await a.call<Ack>('postIncident', 'main', {
      title: 'Outage',
      content: 'db down',
      style: 'danger',
    });
    expect(posted).toEqual({
      ok: true,
      incident: {
        id: expect.any(Number),
        style: 'danger',
        title: 'Outage',
        content: 'db down',
        pin: true,
        createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      },
    });
    const id = (posted.incident as { id: number }).id;
    const updated = await a.call<Ack>('postIncident', 'main', {
      id,
      title: 'Fixed',
      content: 'ok',
      style: 'info',
    });
    expect(updated.incident).toMatchObject({
      id,
      title: 'Fixed',
      lastUpdatedDate: expect.any(String),
    });
    expect(
      await a.call('postIncident', 'nope', { title: 't', content: 'c', style: 'info' }),
    ).toEqual({ ok: false, msg: 'slug is not found' });
    expect(
      await a.call('postIncident', 'main', { title: 't', content: 'c', style: 'purple' }),
    ).toEqual({ ok: false, msg: 'Invalid style' });

    const http = async () =>
      (
        (await (
          await fetch(`${ctx.node.url}/t/${alice.tenantId}/api/status-page/main`)
        ).json()) as { incident: unknown }
      ).incident;
    expect(await http()).toMatchObject({ id, title: 'Fixed', pin: 1 });
    expect(await a.call('unpinIncident', 'main')).toEqual({ ok: true });
    expect(await a.call('unpinIncident', 'nope')).toEqual({ ok: true });
    expect(await http()).toBeNull();
  });
});

describe('tenant isolation', () => {
  it("never lets Bob read, change or delete Alice's pages, and never pushes her lists to him", async () => {
    expect(await a.call('addStatusPage', 'Private', 'alice-only')).toEqual({
      ok: true,
      msg: 'OK!',
    });
    const start = b.events.length;
    expect(await b.call('getStatusPage', 'alice-only')).toEqual({ ok: false, msg: 'No slug?' });
    expect(
      await b.call(
        'saveStatusPage',
        'alice-only',
        config('alice-only', { title: 'pwned' }),
        '/icon.svg',
        [],
      ),
    ).toEqual({ ok: false, msg: 'No slug?' });
    expect(
      await b.call('postIncident', 'alice-only', { title: 'x', content: 'x', style: 'info' }),
    ).toEqual({ ok: false, msg: 'slug is not found' });
    expect(await b.call('deleteStatusPage', 'alice-only')).toEqual({
      ok: false,
      msg: 'Status Page is not found',
    });
    // Bob's own `main` is his; saving it leaves Alice's `main` alone.
    expect(
      (
        await b.call<Ack>(
          'saveStatusPage',
          'main',
          config('main', { title: 'Bob v2' }),
          '/icon.svg',
          [],
        )
      ).ok,
    ).toBe(true);
    expect(((await a.call<Ack>('getStatusPage', 'main')).config as { title: string }).title).toBe(
      'Alice <b>',
    );
    expect(
      ((await a.call<Ack>('getStatusPage', 'alice-only')).config as { title: string }).title,
    ).toBe('Private');
    // Alice's next change pushes to her room only.
    await a.call('saveStatusPage', 'alice-only', config('alice-only'), '/icon.svg', []);
    await b.call('getStatusPage', 'main');
    const bobLists = b
      .pushesSince(start, 'statusPageList')
      .map((e) => Object.values(e.args[0] as object));
    expect(bobLists.flat().map((p: { title: string }) => p.title)).toEqual(['Bob v2']);
  });
});

describe('deleteStatusPage (slug)', () => {
  it('deletes the page, pushes the list before the ack, and then it is gone', async () => {
    const { ack, pushes } = await callWithPushes(
      a,
      'statusPageList',
      'deleteStatusPage',
      'alice-only',
    );
    expect(ack).toEqual({ ok: true });
    expect(Object.values(pushes[0]?.[0] as object).map((p: { slug: string }) => p.slug)).toEqual([
      'main',
    ]);
    expect(await a.call('getStatusPage', 'alice-only')).toEqual({ ok: false, msg: 'No slug?' });
    expect(await a.call('deleteStatusPage', 'alice-only')).toEqual({
      ok: false,
      msg: 'Status Page is not found',
    });
  });

  it('sends the pages in the login burst', async () => {
    const c = await ctx.connect();
    const burst = c.waitFor('statusPageList');
    await c.login(alice);
    const [list] = await burst;
    expect(Object.values(list as object).map((p: { slug: string }) => p.slug)).toEqual(['main']);
  });
});
