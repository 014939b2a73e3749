import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPublicBadgeMonitor } from '../badges/public-badge-monitor.js';
import { AppError } from '../errors/app-error.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { getSetting, saveGeneralSettings } from '../settings/settings-repository.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import {
  findDefaultTenantId,
  findStatusPageLogo,
  findTenantByDomain,
  loadPublicStatusPage,
  loadStatusPageHeartbeats,
} from './public-status-page-repository.js';
import { NO_SLUG_MSG, SLUG_TAKEN_MSG } from './status-page-texts.js';
import {
  logoInputSchema,
  publicGroupListSchema,
  statusPageConfigSchema,
  type PublicGroupInput,
} from './status-page-input.js';
import * as incidents from './incident-repository.js';
import * as repo from './status-page-repository.js';

const monitorInput = (name: string) =>
  monitorInputSchema(20).parse({
    type: 'http',
    name,
    url: 'https://example.com/',
    accepted_statuscodes: ['200-299'],
  });

const config = (overrides: Record<string, unknown> = {}) =>
  statusPageConfigSchema.parse({ slug: 'main', title: 'Main', ...overrides });
const groups = (list: unknown[]): PublicGroupInput[] => publicGroupListSchema.parse(list);
const A_DOMAIN = 'status.a.test';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe.each(TEST_BACKENDS)('status pages on %s', (backend) => {
  let t: BackendTestDatabase;
  let a: number;
  let b: number;
  let aMonitor: number;
  let bMonitor: number;

  const save = (tenantId: number, slug: string, overrides: Partial<repo.SaveStatusPageInput>) =>
    repo.saveStatusPage(t.db, tenantId, slug, {
      // Every save replaces domains and groups, so A's later saves restate them.
      config: config(tenantId === a ? { slug, domainNameList: [A_DOMAIN] } : { slug }),
      logo: { kind: 'url', icon: null },
      groups: tenantId === a ? groups([{ name: 'Renamed', monitorList: [{ id: aMonitor }] }]) : [],
      now: new Date(),
      ...overrides,
    });

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId: a } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: b } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
    aMonitor = await insertMonitor(t.db, a, monitorInput('a-web'), true);
    bMonitor = await insertMonitor(t.db, b, monitorInput('b-web'), true);
  });
  afterAll(async () => t?.drop());

  it('lets two tenants each own the slug main, but not one tenant twice', async () => {
    expect(await repo.createStatusPage(t.db, a, { title: 'A', slug: 'main' })).toBeTypeOf('number');
    expect(await repo.createStatusPage(t.db, b, { title: 'B', slug: 'main' })).toBeTypeOf('number');
    expect(await repo.createStatusPage(t.db, a, { title: 'again', slug: 'main' })).toBeUndefined();
    expect((await repo.getStatusPageConfig(t.db, a, 'main'))?.title).toBe('A');
    expect((await repo.getStatusPageConfig(t.db, b, 'main'))?.title).toBe('B');
    expect(await findDefaultTenantId(t.db)).toBe(a);
  });

  it('saves config, groups in order and memberships, and reads them back publicly', async () => {
    const ids = await save(a, 'main', {
      config: config({
        description: 'desc',
        footerText: 'foot',
        domainNameList: ['Status.A.test'],
      }),
      groups: groups([
        { name: 'First', monitorList: [{ id: aMonitor, sendUrl: true }] },
        { name: 'Second', monitorList: [] },
      ]),
    });
    expect(ids).toHaveLength(2);
    const page = await loadPublicStatusPage(t.db, a, 'main');
    expect(page?.config).toMatchObject({ title: 'Main', description: 'desc', footerText: 'foot' });
    expect(page?.publicGroupList).toEqual([
      {
        id: ids[0],
        name: 'First',
        weight: 1,
        monitorList: [
          { id: aMonitor, name: 'a-web', sendUrl: 1, type: 'http', url: 'https://example.com/' },
        ],
      },
      { id: ids[1], name: 'Second', weight: 2, monitorList: [] },
    ]);
    expect((await repo.getStatusPageConfig(t.db, a, 'main'))?.domainNameList).toEqual([
      'status.a.test',
    ]);
    expect(await findTenantByDomain(t.db, 'STATUS.a.test')).toBe(a);

    // Re-saving with the first group only keeps its id and drops the other.
    const again = await save(a, 'main', {
      groups: groups([{ id: ids[0], name: 'Renamed', monitorList: [{ id: aMonitor }] }]),
    });
    expect(again).toEqual([ids[0]]);
    const reread = await loadPublicStatusPage(t.db, a, 'main');
    expect(reread?.publicGroupList.map((g) => g.name)).toEqual(['Renamed']);
  });

  it("refuses another tenant's monitor or domain and changes nothing", async () => {
    const before = await loadPublicStatusPage(t.db, a, 'main');
    await expect(
      save(a, 'main', {
        config: config({ title: 'Changed', domainNameList: [A_DOMAIN] }),
        groups: groups([{ name: 'x', monitorList: [{ id: bMonitor }] }]),
      }),
    ).rejects.toThrow(AppError);
    await expect(
      save(b, 'main', { config: config({ domainNameList: ['status.a.test'] }) }),
    ).rejects.toThrow('already in use');
    expect(await loadPublicStatusPage(t.db, a, 'main')).toEqual(before);
    await expect(save(b, 'nope', {})).rejects.toThrow(NO_SLUG_MSG);
  });

  it('renames a page to a free slug but not onto another page of the tenant', async () => {
    await repo.createStatusPage(t.db, b, { title: 'One', slug: 'one' });
    await repo.createStatusPage(t.db, b, { title: 'Two', slug: 'two' });
    await expect(save(b, 'one', { config: config({ slug: 'two' }) })).rejects.toThrow(
      SLUG_TAKEN_MSG,
    );
    await save(b, 'one', { config: config({ slug: 'three', title: 'Three' }) });
    expect(await repo.getStatusPageConfig(t.db, b, 'one')).toBeUndefined();
    expect((await repo.getStatusPageConfig(t.db, b, 'three'))?.title).toBe('Three');
    expect((await repo.getStatusPageConfig(t.db, b, 'two'))?.title).toBe('Two');
  });

  it('makes badges of page members public, within their own tenant only', async () => {
    expect(await findPublicBadgeMonitor(t.db, aMonitor)).toMatchObject({ monitorId: aMonitor });
    expect(await findPublicBadgeMonitor(t.db, bMonitor)).toBeUndefined();
  });

  it('stores a PNG logo in the database and rejects other data URLs', async () => {
    const logo = logoInputSchema.parse(`data:image/png;base64,${png.toString('base64')}`);
    await save(a, 'main', { logo });
    const cfg = await repo.getStatusPageConfig(t.db, a, 'main');
    expect(cfg?.icon).toMatch(new RegExp(`^/upload/logo${cfg?.id}\\.png\\?t=\\d+$`));
    expect(Buffer.from((await findStatusPageLogo(t.db, cfg?.id ?? 0)) ?? [])).toEqual(png);
    expect(logoInputSchema.safeParse('data:image/svg+xml;base64,PHN2Zz4=').success).toBe(false);
    expect(logoInputSchema.safeParse('data:image/png;base64,PHN2Zz4=').success).toBe(false);
  });

  it('pins one incident at a time and unpins it', async () => {
    const first = await incidents.postIncident(
      t.db,
      a,
      'main',
      { title: 'one', content: 'c', style: 'info' },
      new Date(),
    );
    const second = await incidents.postIncident(
      t.db,
      a,
      'main',
      { title: 'two', content: 'c', style: 'danger' },
      new Date(),
    );
    expect(first && second && second.id !== first.id).toBe(true);
    expect((await loadPublicStatusPage(t.db, a, 'main'))?.incident).toMatchObject({
      title: 'two',
      pin: 1,
    });
    // Tenant B cannot edit A's incident through its own page of the same slug.
    const foreign = await incidents.postIncident(
      t.db,
      b,
      'main',
      { id: second?.id, title: 'x', content: 'x', style: 'info' },
      new Date(),
    );
    expect(foreign?.id).not.toBe(second?.id);
    await incidents.unpinIncident(t.db, a, 'main');
    expect((await loadPublicStatusPage(t.db, a, 'main'))?.incident).toBeNull();
    expect((await loadPublicStatusPage(t.db, b, 'main'))?.incident).toMatchObject({ title: 'x' });
  });

  it('answers heartbeats and 24 h uptime of page members only', async () => {
    const beats = await loadStatusPageHeartbeats(t.db, a, 'main', new Date());
    expect(Object.keys(beats.heartbeatList)).toEqual([String(aMonitor)]);
    expect(beats.uptimeList).toEqual({ [`${aMonitor}_24`]: 0 });
    expect(await loadStatusPageHeartbeats(t.db, a, 'unknown', new Date())).toEqual({
      heartbeatList: {},
      uptimeList: {},
    });
  });

  it('deletes a page with everything hanging off it, only in its own tenant', async () => {
    expect(await repo.deleteStatusPage(t.db, b, 'nope')).toBe(false);
    expect(await repo.deleteStatusPage(t.db, a, 'main')).toBe(true);
    expect(await repo.getStatusPageConfig(t.db, a, 'main')).toBeUndefined();
    expect(await repo.getStatusPageConfig(t.db, b, 'main')).toBeDefined();
    expect(await findTenantByDomain(t.db, 'status.a.test')).toBeUndefined();
    expect(await findPublicBadgeMonitor(t.db, aMonitor)).toBeUndefined();
    expect(
      await t.db
        .selectFrom('status_page_monitors')
        .selectAll()
        .where('tenant_id', '=', a)
        .execute(),
    ).toEqual([]);
  });

  it("makes each tenant's entryPage follow its own page's rename and deletion", async () => {
    await repo.createStatusPage(t.db, a, { title: 'Old', slug: 'old' });
    await repo.createStatusPage(t.db, b, { title: 'Old', slug: 'old' });
    await saveGeneralSettings(t.db, a, { entryPage: 'statusPage-old' });
    await saveGeneralSettings(t.db, b, { entryPage: 'statusPage-old' });

    await save(a, 'old', { config: config({ slug: 'new' }), groups: [] });
    expect(await getSetting(t.db, a, 'entryPage')).toBe('statusPage-new');
    expect(await getSetting(t.db, b, 'entryPage')).toBe('statusPage-old');

    expect(await repo.deleteStatusPage(t.db, a, 'new')).toBe(true);
    expect(await getSetting(t.db, a, 'entryPage')).toBe('dashboard');
    expect(await getSetting(t.db, b, 'entryPage')).toBe('statusPage-old');
  });

  it('leaves an entryPage that points elsewhere alone', async () => {
    await repo.createStatusPage(t.db, a, { title: 'Other', slug: 'other' });
    await saveGeneralSettings(t.db, a, { entryPage: 'statusPage-kept' });
    await save(a, 'other', { config: config({ slug: 'other2' }), groups: [] });
    await repo.deleteStatusPage(t.db, a, 'other2');
    expect(await getSetting(t.db, a, 'entryPage')).toBe('statusPage-kept');
  });
});
