import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { deleteMonitor, insertMonitor } from '../monitors/monitor-repository.js';
import { loadMonitorTagsForMetrics } from '../metrics/monitor-metrics.js';
import * as tags from './tag-repository.js';

let t: BackendTestDatabase;
let tenantId: number;
let otherTenantId: number;
const parse = monitorInputSchema(20).parse;

function addMonitor(tenant: number, name = 'web'): Promise<number> {
  const input = parse({
    type: 'http',
    name,
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  return insertMonitor(t.db, tenant, input, true);
}

const linkRows = () =>
  t.db.selectFrom('monitor_tags').select(['monitor_id', 'tag_id', 'value']).orderBy('id').execute();

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: otherTenantId } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  it('creates, lists, renames and deletes a tenant’s tags', async () => {
    const prod = await tags.createTag(t.db, tenantId, { name: 'prod', color: '#ff0000' });
    const dev = await tags.createTag(t.db, tenantId, { name: 'dev', color: '#00ff00' });
    expect(prod).toEqual({ id: expect.any(Number), name: 'prod', color: '#ff0000' });
    expect(await tags.listTags(t.db, tenantId)).toEqual([prod, dev]);

    const edited = await tags.updateTag(t.db, tenantId, dev.id, { name: 'stage', color: 'blue' });
    expect(edited).toEqual({ tag: { id: dev.id, name: 'stage', color: 'blue' }, linked: false });
    expect(await tags.deleteTag(t.db, tenantId, prod.id)).toEqual({
      deleted: true,
      unlinkedCount: 0,
    });
    expect(await tags.listTags(t.db, tenantId)).toEqual([edited?.tag]);
    expect(await tags.deleteTag(t.db, tenantId, prod.id)).toEqual({
      deleted: false,
      unlinkedCount: 0,
    });
  });

  it('links tags to monitors, duplicates included, sorted by tag name in byte order', async () => {
    const monitor = await addMonitor(tenantId);
    const zone = await tags.createTag(t.db, tenantId, { name: 'zone', color: 'c1' });
    const app = await tags.createTag(t.db, tenantId, { name: 'App', color: 'c2' });
    expect(await tags.addMonitorTag(t.db, tenantId, zone.id, monitor, 'eu')).toBe('added');
    expect(await tags.addMonitorTag(t.db, tenantId, app.id, monitor, '')).toBe('added');
    expect(await tags.addMonitorTag(t.db, tenantId, zone.id, monitor, 'eu')).toBe('added');

    const byMonitor = await tags.monitorTagsOf(t.db, tenantId);
    // "App" before "zone": upper case sorts first in byte order, whatever the collation.
    expect(byMonitor.get(monitor)).toEqual([
      {
        id: expect.any(Number),
        monitor_id: monitor,
        tag_id: app.id,
        value: '',
        name: 'App',
        color: 'c2',
      },
      {
        id: expect.any(Number),
        monitor_id: monitor,
        tag_id: zone.id,
        value: 'eu',
        name: 'zone',
        color: 'c1',
      },
      {
        id: expect.any(Number),
        monitor_id: monitor,
        tag_id: zone.id,
        value: 'eu',
        name: 'zone',
        color: 'c1',
      },
    ]);
    expect(Object.keys(byMonitor.get(monitor)?.[0] ?? {})).toEqual([
      'id',
      'monitor_id',
      'tag_id',
      'value',
      'name',
      'color',
    ]);
  });

  it('edits every link of a tag on a monitor and deletes links by exact value', async () => {
    const monitor = await addMonitor(tenantId);
    const tag = await tags.createTag(t.db, tenantId, { name: 'env', color: 'c' });
    await tags.addMonitorTag(t.db, tenantId, tag.id, monitor, 'a');
    await tags.addMonitorTag(t.db, tenantId, tag.id, monitor, 'b');
    expect(await tags.editMonitorTag(t.db, tenantId, tag.id, monitor, 'prod')).toBe(2);
    expect(await tags.deleteMonitorTag(t.db, tenantId, tag.id, monitor, 'other')).toBe(0);
    expect(await tags.deleteMonitorTag(t.db, tenantId, tag.id, monitor, 'prod')).toBe(2);

    await tags.addMonitorTag(t.db, tenantId, tag.id, monitor, null);
    expect(await tags.deleteMonitorTag(t.db, tenantId, tag.id, monitor, '')).toBe(0);
    expect(await tags.deleteMonitorTag(t.db, tenantId, tag.id, monitor, null)).toBe(1);
    expect((await tags.monitorTagsOf(t.db, tenantId)).get(monitor)).toBeUndefined();
  });

  it('drops links with their tag or their monitor', async () => {
    const monitor = await addMonitor(tenantId);
    const other = await addMonitor(tenantId);
    const tag = await tags.createTag(t.db, tenantId, { name: 'gone', color: 'c' });
    const kept = await tags.createTag(t.db, tenantId, { name: 'kept', color: 'c' });
    await tags.addMonitorTag(t.db, tenantId, tag.id, monitor, 'x');
    await tags.addMonitorTag(t.db, tenantId, tag.id, other, 'y');
    await tags.addMonitorTag(t.db, tenantId, kept.id, monitor, 'z');
    expect((await tags.updateTag(t.db, tenantId, tag.id, tag))?.linked).toBe(true);

    expect(await tags.deleteTag(t.db, tenantId, tag.id)).toEqual({
      deleted: true,
      unlinkedCount: 2,
    });
    expect(await deleteMonitor(t.db, tenantId, monitor)).toBeTruthy();
    const left = await tags.monitorTagsOf(t.db, tenantId);
    expect(left.get(monitor)).toBeUndefined();
    expect(left.get(other)).toBeUndefined();
    expect(await tags.listTags(t.db, tenantId)).toContainEqual(kept);
  });

  it('feeds /metrics the name and value of every tag of every monitor', async () => {
    const monitor = await addMonitor(otherTenantId, 'metrics');
    const tag = await tags.createTag(t.db, otherTenantId, { name: 'team', color: 'c' });
    await tags.addMonitorTag(t.db, otherTenantId, tag.id, monitor, 'ops');
    const loaded = await loadMonitorTagsForMetrics(t.db, otherTenantId);
    expect([...loaded.keys()]).toEqual([monitor]);
    expect(loaded.get(monitor)).toMatchObject([{ name: 'team', value: 'ops' }]);
    await tags.deleteTag(t.db, otherTenantId, tag.id);
    expect((await loadMonitorTagsForMetrics(t.db, otherTenantId)).size).toBe(0);
  });

  describe('across tenants', () => {
    it('treats another tenant’s tag and monitor like missing ones', async () => {
      const mine = await addMonitor(tenantId);
      const theirs = await addMonitor(otherTenantId);
      const myTag = await tags.createTag(t.db, tenantId, { name: 'mine', color: 'c' });
      const theirTag = await tags.createTag(t.db, otherTenantId, { name: 'theirs', color: 'c' });
      await tags.addMonitorTag(t.db, tenantId, myTag.id, mine, 'v');
      const before = await linkRows();

      expect(await tags.listTags(t.db, otherTenantId)).not.toContainEqual(myTag);
      expect(await tags.updateTag(t.db, otherTenantId, myTag.id, theirTag)).toBeUndefined();
      expect(await tags.addMonitorTag(t.db, otherTenantId, myTag.id, theirs, 'x')).toBe(
        'tag-not-found',
      );
      expect(await tags.addMonitorTag(t.db, otherTenantId, theirTag.id, mine, 'x')).toBe(
        'monitor-not-found',
      );
      expect(await tags.addMonitorTag(t.db, tenantId, theirTag.id, mine, 'x')).toBe(
        'tag-not-found',
      );
      expect(await tags.editMonitorTag(t.db, otherTenantId, myTag.id, mine, 'x')).toBe(0);
      expect(await tags.deleteMonitorTag(t.db, otherTenantId, myTag.id, mine, 'v')).toBe(0);
      expect(await tags.deleteTag(t.db, otherTenantId, myTag.id)).toEqual({
        deleted: false,
        unlinkedCount: 0,
      });

      expect(await linkRows()).toEqual(before);
      expect(await tags.listTags(t.db, tenantId)).toContainEqual(myTag);
      expect((await tags.monitorTagsOf(t.db, otherTenantId)).get(mine)).toBeUndefined();
    });

    it('refuses a link between two tenants even when written directly', async () => {
      const theirs = await addMonitor(otherTenantId);
      const myTag = await tags.createTag(t.db, tenantId, { name: 'direct', color: 'c' });
      await expect(
        t.db
          .insertInto('monitor_tags')
          .values({ tenant_id: tenantId, monitor_id: theirs, tag_id: myTag.id, value: '' })
          .execute(),
      ).rejects.toThrow(/foreign key/);
    });
  });
});
