import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor, listMonitors } from '../monitors/monitor-repository.js';
import { notificationInputSchema } from '../notifications/notification-wire.js';
import {
  createNotification,
  listNotifications,
  notificationIdsOf,
} from '../notifications/notification-repository.js';
import { proxyInputSchema } from '../proxies/proxy-wire.js';
import { listProxies, saveProxy } from '../proxies/proxy-repository.js';
import { listTags, monitorTagsOf } from '../tags/tag-repository.js';
import { createTenantWithAdmin, type CreatedTenant } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { parseBackup, type ImportHandle } from './backup-schema.js';
import { restoreBackup } from './restore-backup.js';
import { KUMA_BACKUP_IDS, kumaBackup, kumaBackupMonitor } from './kuma-backup.fixture.js';

let t: BackendTestDatabase;
let seq = 0;

async function newTenant(): Promise<CreatedTenant> {
  const name = `tenant${++seq}`;
  return createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
}

/** A push token no other test of this database uses. */
const freshToken = () => `token${String(++seq).padStart(27, '0')}`;

function run(tenant: CreatedTenant, mode: ImportHandle, backup: Record<string, unknown>) {
  return restoreBackup(t.db, parseBackup(JSON.stringify(backup)), {
    tenantId: tenant.tenantId,
    userId: tenant.userId,
    mode,
    limits: {
      maxMonitors: null,
      minIntervalSeconds: 20,
      maxTimeoutSeconds: null,
      maxChecksInFlight: null,
    },
  });
}

/** Everything an import may write for a tenant. */
async function tenantData(tenantId: number) {
  const monitors = await listMonitors(t.db, tenantId);
  const ids = monitors.map((m) => m.id);
  return {
    monitors,
    links: Object.fromEntries(await notificationIdsOf(t.db, tenantId, ids)),
    tags: await listTags(t.db, tenantId),
    monitorTags: Object.fromEntries(await monitorTagsOf(t.db, tenantId)),
    notifications: await listNotifications(t.db, tenantId),
    proxies: await listProxies(t.db, tenantId),
  };
}

async function expectRefused(promise: Promise<unknown>, msg: RegExp) {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toMatch(msg);
}

// The same import runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('restoreBackup on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  let tenant: CreatedTenant;
  let token: string;
  const backupOf = (overrides: Record<string, unknown> = {}) => kumaBackup(overrides, token);
  beforeEach(async () => {
    tenant = await newTenant();
    token = freshToken();
  });

  it('stores each monitor exactly as `add` would, with its links under the new ids', async () => {
    const result = await run(tenant, 'keep', backupOf());
    const data = await tenantData(tenant.tenantId);

    expect(data.notifications.map((n) => [n.name, n.isDefault])).toEqual([
      ['Ops mail', true],
      ['Team chat', false],
    ]);
    const [mail, chat] = data.notifications.map((n) => n.id);
    expect(data.proxies).toHaveLength(1);
    const proxy = data.proxies[0];
    expect(proxy).toMatchObject({ host: 'proxy.example.com', port: 3128, auth: true });
    expect(proxy?.userId).toBe(tenant.userId);

    const [web, shop, db, push] = data.monitors;
    expect(result.importedMonitors).toEqual([
      { id: web?.id, active: true },
      { id: shop?.id, active: true },
      { id: db?.id, active: false },
      { id: push?.id, active: true },
    ]);
    const add = monitorInputSchema(20);
    const { tenantId: _t, id: _i, createdAt: _c, active: _a, ...stored } = web!;
    // docs/protocol/settings.md's field subset, written out: what `add` stores for it is the contract.
    const expected = add.parse({
      name: 'Homepage',
      description: null,
      type: 'http',
      url: 'https://example.com/',
      method: 'GET',
      body: null,
      headers: null,
      authMethod: null,
      basic_auth_user: null,
      basic_auth_pass: null,
      authWorkstation: null,
      authDomain: null,
      timeout: 48,
      interval: 60,
      retryInterval: 60,
      resendInterval: 0,
      hostname: null,
      maxretries: 1,
      port: null,
      keyword: null,
      invertKeyword: false,
      ignoreTls: false,
      upsideDown: false,
      maxredirects: 10,
      accepted_statuscodes: ['200-299'],
      dns_resolve_type: 'A',
      dns_resolve_server: '1.1.1.1',
      proxyId: proxy?.id,
    });
    const { notificationIds: _n, ...fields } = expected;
    expect(stored).toEqual({ ...fields, dnsLastResult: null, weight: 2000 });

    expect(shop).toMatchObject({ type: 'keyword', method: 'HEAD', timeout: 96, retryInterval: 30 });
    expect(db).toMatchObject({ type: 'port', hostname: 'db.example.com', port: 5432 });
    expect(db?.active).toBe(false);
    expect(push).toMatchObject({ type: 'push', pushToken: token, timeout: 2880 });

    expect(data.links).toEqual({
      [web!.id]: [mail, chat],
      [shop!.id]: [chat],
      [db!.id]: [mail],
      [push!.id]: [],
    });
    expect(data.tags.map((tag) => [tag.name, tag.color])).toEqual([
      ['production', '#059669'],
      ['region', '#2563EB'],
    ]);
    const tagsOf = (id: number) =>
      (data.monitorTags[id] ?? []).map((l) => `${l.name}=${l.value ?? 'null'}`);
    expect(tagsOf(web!.id)).toEqual(['production=', 'region=eu-west']);
    expect(tagsOf(shop!.id)).toEqual(['region=us-east']);
    expect(tagsOf(db!.id)).toEqual(['production=']);
  });

  it('keep adds a second copy with a fresh push token and reuses tags by name', async () => {
    await run(tenant, 'keep', backupOf());
    await run(tenant, 'keep', backupOf());
    const data = await tenantData(tenant.tenantId);
    expect(data.monitors).toHaveLength(8);
    expect(data.notifications).toHaveLength(4);
    expect(data.tags).toHaveLength(2);
    // Proxy id 4 of the backup is not this tenant's: a new proxy each time.
    expect(data.proxies).toHaveLength(2);
    const tokens = data.monitors.filter((m) => m.type === 'push').map((m) => m.pushToken);
    expect(tokens[0]).toBe(token);
    expect(tokens[1]).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(tokens[1]).not.toBe(token);
  });

  it('updates the tenant’s own proxy when the backup names its id', async () => {
    const own = await saveProxy(
      t.db,
      tenant.tenantId,
      tenant.userId,
      null,
      proxyInputSchema.parse({ protocol: 'socks5', host: 'old.example.com', port: 1080 }),
    );
    const backup = backupOf();
    (backup.proxyList as { id: number }[])[0]!.id = own!.id;
    backup.monitorList = [kumaBackupMonitor({ proxy_id: own!.id })];
    await run(tenant, 'keep', backup);
    const data = await tenantData(tenant.tenantId);
    expect(data.proxies.map((p) => [p.id, p.host])).toEqual([[own!.id, 'proxy.example.com']]);
    expect(data.monitors[0]?.proxyId).toBe(own!.id);
  });

  it('skip links the existing same-named notification and leaves out existing monitors', async () => {
    const existing = await createNotification(
      t.db,
      tenant.tenantId,
      tenant.userId,
      notificationInputSchema.parse({ name: 'Ops mail', type: 'smtp' }),
    );
    await insertMonitor(
      t.db,
      tenant.tenantId,
      monitorInputSchema(20).parse({
        type: 'port',
        name: 'Database port',
        hostname: 'h',
        port: 1,
        accepted_statuscodes: [],
      }),
      true,
    );
    await run(tenant, 'skip', backupOf());
    const data = await tenantData(tenant.tenantId);
    expect(data.notifications.map((n) => n.name)).toEqual(['Ops mail', 'Team chat']);
    expect(data.monitors.map((m) => m.name)).toEqual([
      'Database port',
      'Homepage',
      'Shop keyword',
      'Nightly job',
    ]);
    const homepage = data.monitors[1]!;
    expect(data.links[homepage.id]).toEqual([existing.id, data.notifications[1]?.id]);
  });

  it('overwrite replaces the tenant’s monitors, notifications, tags and proxies', async () => {
    const first = await run(tenant, 'keep', backupOf());
    const second = await run(tenant, 'overwrite', backupOf());
    expect(second.deletedMonitorIds).toEqual(first.importedMonitors.map((m) => m.id));
    const data = await tenantData(tenant.tenantId);
    expect(data.monitors.map((m) => m.id)).toEqual(second.importedMonitors.map((m) => m.id));
    expect(data.notifications).toHaveLength(2);
    expect(data.tags).toHaveLength(2);
    expect(data.proxies).toHaveLength(1);
    // The token was freed by the delete inside the same transaction.
    expect(data.monitors[3]?.pushToken).toBe(token);
  });

  it('gives a backup older than 1.7.0 no tags and a retry interval of 0', async () => {
    await run(tenant, 'keep', backupOf({ version: '1.6.5' }));
    const data = await tenantData(tenant.tenantId);
    expect(data.monitors.map((m) => m.retryInterval)).toEqual([0, 0, 0, 0]);
    expect(data.tags).toEqual([]);
    expect(data.monitorTags).toEqual({});
  });

  it('compares versions per number: 1.10.0 is newer than 1.7.0', async () => {
    await run(tenant, 'keep', backupOf({ version: '1.10.0' }));
    expect((await tenantData(tenant.tenantId)).tags).toHaveLength(2);
  });

  it('changes nothing when the third monitor is invalid, in every mode', async () => {
    await run(tenant, 'keep', backupOf());
    const before = await tenantData(tenant.tenantId);
    const backup = backupOf();
    (backup.monitorList as Record<string, unknown>[])[2] = kumaBackupMonitor({
      name: 'Broken',
      url: 'not a url',
    });
    for (const mode of ['overwrite', 'skip', 'keep'] as const) {
      await expectRefused(run(tenant, mode, backup), /monitor 3 \("Broken"\): Invalid URL/);
      expect(await tenantData(tenant.tenantId)).toEqual(before);
    }
  });

  it('refuses a notification config that is not JSON or holds NUL, changing nothing', async () => {
    await run(tenant, 'keep', backupOf());
    const before = await tenantData(tenant.tenantId);
    const backup = kumaBackup({}, freshToken());
    (backup.notificationList as { config: string }[])[1]!.config = '{oops';
    await expectRefused(run(tenant, 'overwrite', backup), /notification 2 .*not JSON/);
    (backup.notificationList as { config: string }[])[1]!.config = JSON.stringify({
      name: 'nul \u0000 inside',
      type: 'webhook',
    });
    await expectRefused(run(tenant, 'overwrite', backup), /NUL characters/);
    expect(await tenantData(tenant.tenantId)).toEqual(before);
  });

  it('never touches or links another tenant’s rows named by id', async () => {
    const other = await newTenant();
    await run(other, 'keep', backupOf());
    const otherBefore = await tenantData(other.tenantId);
    const otherProxy = otherBefore.proxies[0]!.id;
    const otherMail = otherBefore.notifications[0]!.id;

    const backup = backupOf({
      notificationList: [],
      proxyList: [{ ...(backupOf().proxyList as object[])[0], id: otherProxy, host: 'evil' }],
      monitorList: [
        kumaBackupMonitor({ notificationIDList: { [otherMail]: true }, proxy_id: otherProxy }),
      ],
    });
    await run(tenant, 'overwrite', backup);
    expect(await tenantData(other.tenantId)).toEqual(otherBefore);
    const mine = await tenantData(tenant.tenantId);
    expect(mine.proxies.map((p) => p.host)).toEqual(['evil']);
    expect(mine.proxies[0]?.id).not.toBe(otherProxy);
    expect(mine.monitors[0]?.proxyId).toBe(mine.proxies[0]?.id);
    expect(Object.values(mine.links)).toEqual([[]]);
  });

  it('drops references to ids the backup does not contain', async () => {
    const backup = backupOf({
      monitorList: [
        kumaBackupMonitor({
          notificationIDList: { [KUMA_BACKUP_IDS.chatNotification]: true, 999: true, x: true },
          proxy_id: 12345,
        }),
      ],
    });
    await run(tenant, 'keep', backup);
    const data = await tenantData(tenant.tenantId);
    expect(data.monitors[0]?.proxyId).toBeNull();
    expect(Object.values(data.links)).toEqual([[data.notifications[1]?.id]]);
  });

  it('takes entries without ids, repeated push tokens and null tag values', async () => {
    const backup = backupOf({
      notificationList: [{ config: JSON.stringify({ name: 'No id', type: 'webhook' }) }],
      proxyList: [],
      monitorList: [
        kumaBackupMonitor({ name: 'p1', type: 'push', pushToken: token }),
        kumaBackupMonitor({
          name: 'p2',
          type: 'push',
          pushToken: token,
          tags: [{ name: 'team', color: '#123456', value: null }],
        }),
      ],
    });
    await run(tenant, 'keep', backup);
    const data = await tenantData(tenant.tenantId);
    expect(data.notifications.map((n) => n.name)).toEqual(['No id']);
    const [p1, p2] = data.monitors;
    expect(p1?.pushToken).toBe(token);
    expect(p2?.pushToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(p2?.pushToken).not.toBe(token);
    expect(data.monitorTags[p2!.id]?.map((l) => [l.name, l.value])).toEqual([['team', null]]);
  });
});
