import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRepository } from '@watchpost/core/db';
import { createRedisChangeBus, type MonitorChange } from '@watchpost/core/changes';
import { kumaBackup, kumaBackupMonitor, waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { eventsSince, tenantView, upload } from './backup-test-support.js';
import { READ_ONLY_SESSION_MSG } from './define-handler.js';

// `uploadBackup` (docs/protocol/settings.md#uploadbackup) through real sockets against a real API node.

type MonitorJson = Record<string, unknown> & { id: number; name: string };
type NotificationJson = { id: number; name: string };

const RESTORED = { ok: true, msg: 'Backup successfully restored.' };

let ctx: ApiTestContext;
const changes: MonitorChange[] = [];
let seq = 0;

beforeAll(async () => {
  ctx = await createApiTestContext('backup');
  const scheduler = createRedisChangeBus(ctx.redis(), ctx.redis(), ctx.redisPrefix);
  await scheduler.subscribe((change) => changes.push(change));
});
afterAll(async () => ctx?.close());

/** A new tenant with a logged-in client. Push tokens are global, so each gets its own. */
async function newTenant(): Promise<{ user: TestUser; client: TestClient; token: string }> {
  const user = await ctx.createUser(`backup${++seq}`);
  const client = await ctx.connect();
  await client.login(user);
  return { user, client, token: `pushtoken${String(seq).padStart(23, '0')}` };
}

const monitorsOf = (list: unknown) => Object.values(list as Record<string, MonitorJson>);

describe('uploadBackup', () => {
  it.each(['overwrite', 'skip', 'keep'])(
    'imports a 1.23 backup in %s mode, pushing notificationList then monitorList before the ack',
    async (mode) => {
      const { user, client, token } = await newTenant();
      const mark = client.events.length;
      expect(await upload(client, kumaBackup({}, token), mode)).toEqual(RESTORED);
      const order = eventsSince(client, mark).filter((e) => e !== 'proxyList');
      expect(order).toEqual(['notificationList', 'monitorList', 'ack:uploadBackup']);

      const view = await tenantView(ctx, user);
      const notifications = view.notificationList as NotificationJson[];
      expect(notifications.map((n) => n.name)).toEqual(['Ops mail', 'Team chat']);
      const [mail, chat] = notifications.map((n) => n.id);
      const proxies = view.proxyList as { id: number; host: string; userId: number }[];
      expect(proxies.map((p) => [p.host, p.userId])).toEqual([['proxy.example.com', user.userId]]);
      expect(view.tags).toEqual([
        expect.objectContaining({ name: 'production', color: '#059669' }),
        expect.objectContaining({ name: 'region', color: '#2563EB' }),
      ]);

      const [web, shop, db, push] = monitorsOf(view.monitorList);
      expect(web).toMatchObject({
        name: 'Homepage',
        type: 'http',
        active: true,
        retryInterval: 60,
        timeout: 48,
        proxyId: proxies[0]?.id,
        notificationIDList: { [String(mail)]: true, [String(chat)]: true },
        tags: [
          expect.objectContaining({ name: 'production', value: '' }),
          expect.objectContaining({ name: 'region', value: 'eu-west' }),
        ],
      });
      expect(shop).toMatchObject({ type: 'keyword', method: 'HEAD', timeout: 96 });
      expect(shop?.notificationIDList).toEqual({ [String(chat)]: true });
      expect(db).toMatchObject({ type: 'port', active: false, port: 5432 });
      expect(push).toMatchObject({ type: 'push', pushToken: token, active: true });
      // getMonitor answers the same object the list carries.
      expect(await client.call('getMonitor', web?.id)).toEqual({ ok: true, monitor: web });
    },
  );

  it('gives a pre-1.7 backup no tags and a retry interval of 0', async () => {
    const { user, client, token } = await newTenant();
    expect(await upload(client, kumaBackup({ version: '1.6.0' }, token), 'keep')).toEqual(RESTORED);
    const view = await tenantView(ctx, user);
    expect(view.tags).toEqual([]);
    for (const m of monitorsOf(view.monitorList)) {
      expect([m.retryInterval, m.tags]).toEqual([0, []]);
    }
  });

  it('skip reuses an existing same-named notification instead of duplicating it', async () => {
    const { user, client, token } = await newTenant();
    const existing = await client.call<{ ok: boolean; id: number }>(
      'addNotification',
      { name: 'Ops mail', type: 'smtp', isDefault: false, applyExisting: false },
      null,
    );
    expect(existing.ok).toBe(true);
    expect(await upload(client, kumaBackup({}, token), 'skip')).toEqual(RESTORED);
    const view = await tenantView(ctx, user);
    const notifications = view.notificationList as NotificationJson[];
    expect(notifications.map((n) => [n.id === existing.id, n.name])).toEqual([
      [true, 'Ops mail'],
      [false, 'Team chat'],
    ]);
    const db = monitorsOf(view.monitorList).find((m) => m.name === 'Database port');
    expect(db?.notificationIDList).toEqual({ [String(existing.id)]: true });
  });

  it('overwrite deletes and unschedules the old monitors; users, settings and API keys stay', async () => {
    const { user, client, token } = await newTenant();
    expect(await upload(client, kumaBackup({}, token), 'keep')).toEqual(RESTORED);
    const old = monitorsOf((await tenantView(ctx, user)).monitorList).map((m) => m.id);
    expect(await client.call('setSettings', { searchEngineIndex: true }, null)).toMatchObject({
      ok: true,
    });
    const key = await apiKeyRepository.createApiKey(ctx.db, user.tenantId, user.userId, {
      name: 'ci',
      expires: null,
      expiresAt: null,
      active: true,
      scope: 'write',
    });
    expect(await client.call('addStatusPage', 'Public', `public-${seq}`)).toMatchObject({
      ok: true,
    });

    const mark = changes.length;
    const backup = kumaBackup({ monitorList: [kumaBackupMonitor({ name: 'Only one' })] }, token);
    expect(await upload(client, backup, 'overwrite')).toEqual(RESTORED);
    const view = await tenantView(ctx, user);
    const [only] = monitorsOf(view.monitorList);
    expect(monitorsOf(view.monitorList).map((m) => m.name)).toEqual(['Only one']);
    expect((view.notificationList as unknown[]).length).toBe(2);

    const expected = [
      ...old.map((monitorId) => ({ kind: 'remove', monitorId, tenantId: user.tenantId })),
      { kind: 'upsert', monitorId: only?.id, tenantId: user.tenantId },
    ];
    await waitFor(() => expect(changes.slice(mark)).toEqual(expected));

    const settings = await client.call<{ data: Record<string, unknown> }>('getSettings');
    expect(settings.data.searchEngineIndex).toBe(true);
    const keys = await apiKeyRepository.listApiKeys(ctx.db, user.tenantId);
    expect(keys.map((k) => k.id)).toEqual([key.id]);
    const again = await ctx.connect();
    await again.login(user);
    expect(await again.call('getStatusPage', `public-${seq}`)).toMatchObject({ ok: true });
  });

  it('is refused to a read-only API key session, changing nothing', async () => {
    const { user, client, token } = await newTenant();
    expect(await upload(client, kumaBackup({}, token), 'keep')).toEqual(RESTORED);
    const before = await tenantView(ctx, user);
    const { key } = await apiKeyRepository.createApiKey(ctx.db, user.tenantId, user.userId, {
      name: 'reader',
      expires: null,
      expiresAt: null,
      active: true,
      scope: 'read',
    });
    const reader = await ctx.connect();
    expect(await reader.call('loginByToken', key)).toEqual({ ok: true });
    expect(await upload(reader, kumaBackup(), 'overwrite')).toEqual({
      ok: false,
      msg: READ_ONLY_SESSION_MSG,
    });
    expect(await tenantView(ctx, user)).toEqual(before);
  });
});
