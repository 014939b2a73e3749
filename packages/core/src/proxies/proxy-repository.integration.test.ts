import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, UP, type MonitorStatus } from '../monitors/monitor-status.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { loadCheckTargets } from '../monitors/check-targets.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { findMonitor, insertMonitor } from '../monitors/monitor-repository.js';
import { recordBeats } from '../heartbeats/record-beats.js';
import {
  clearMonitorEvents,
  clearMonitorHeartbeats,
  clearTenantStatistics,
} from '../heartbeats/heartbeat-repository.js';
import { getDatabaseSize, vacuumDatabase } from '../db/database-size.js';
import * as dockerHosts from '../docker-hosts/docker-host-repository.js';
import { dockerHostInputSchema, toDockerHostJson } from '../docker-hosts/docker-host-wire.js';
import { deleteProxy, findProxy, listProxies, saveProxy } from './proxy-repository.js';
import { proxyInputSchema, toProxyJson } from './proxy-wire.js';

let t: BackendTestDatabase;
let a: { tenantId: number; userId: number };
let b: { tenantId: number; userId: number };

const proxy = (overrides: Record<string, unknown> = {}) =>
  proxyInputSchema.parse({ protocol: 'http', host: '127.0.0.1', port: 3128, ...overrides });
const monitor = (overrides: Record<string, unknown> = {}) =>
  monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });

async function beat(
  tenantId: number,
  monitorId: number,
  status: MonitorStatus,
  important: boolean,
) {
  await recordBeats(t.db, [
    {
      tenantId,
      monitorId,
      status,
      msg: important ? 'went down' : '',
      time: new Date(),
      pingMs: 12,
      durationSec: 0,
      downCount: 0,
      important,
      retries: 0,
      nextDueAt: null,
    },
  ]);
}

async function countRows(monitorId: number) {
  const count = async (table: 'heartbeats' | 'stat_minutely' | 'stat_hourly' | 'stat_daily') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('monitor_id', '=', monitorId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    beats: await count('heartbeats'),
    minutely: await count('stat_minutely'),
    hourly: await count('stat_hourly'),
    daily: await count('stat_daily'),
  };
}

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    a = await createTenantWithAdmin(t.db, { name: 'a', username: 'a', passwordHash: 'x' });
    b = await createTenantWithAdmin(t.db, { name: 'b', username: 'b', passwordHash: 'x' });
  });
  afterAll(async () => t?.drop());

  describe('proxies', () => {
    it('keeps one default per tenant and applies a proxy to every monitor of its tenant only', async () => {
      const first = await saveProxy(t.db, a.tenantId, a.userId, null, proxy({ default: true }));
      const bDefault = await saveProxy(t.db, b.tenantId, b.userId, null, proxy({ default: true }));
      const aMonitor = await insertMonitor(t.db, a.tenantId, monitor(), true);
      const bMonitor = await insertMonitor(t.db, b.tenantId, monitor(), true);
      const second = await saveProxy(
        t.db,
        a.tenantId,
        a.userId,
        null,
        proxy({ port: 8080, default: true, applyExisting: true }),
      );
      expect(second?.appliedMonitorCount).toBeGreaterThanOrEqual(1);
      const list = (await listProxies(t.db, a.tenantId)).map(toProxyJson);
      expect(list.map((p) => [p.id, p.default])).toEqual([
        [first?.id, 0],
        [second?.id, 1],
      ]);
      expect((await findProxy(t.db, b.tenantId, bDefault!.id))?.isDefault).toBe(true);
      expect((await findMonitor(t.db, a.tenantId, aMonitor))?.proxyId).toBe(second?.id);
      expect((await findMonitor(t.db, b.tenantId, bMonitor))?.proxyId).toBeNull();
    });

    it('treats another tenant’s proxy like a missing one', async () => {
      const saved = await saveProxy(t.db, a.tenantId, a.userId, null, proxy());
      const id = saved!.id;
      expect(await saveProxy(t.db, b.tenantId, b.userId, id, proxy({ host: 'evil' }))).toBe(
        undefined,
      );
      expect(await deleteProxy(t.db, b.tenantId, id)).toBeUndefined();
      expect(await findProxy(t.db, b.tenantId, id)).toBeUndefined();
      expect((await findProxy(t.db, a.tenantId, id))?.host).toBe('127.0.0.1');
      expect(await saveProxy(t.db, a.tenantId, a.userId, 2 ** 40, proxy())).toBeUndefined();
    });

    it('loads the proxy with the check target, never another tenant’s or an inactive one', async () => {
      const own = (await saveProxy(
        t.db,
        a.tenantId,
        a.userId,
        null,
        proxy({ auth: true, username: 'u', password: 'p' }),
      ))!.id;
      const off = (await saveProxy(t.db, a.tenantId, a.userId, null, proxy({ active: false })))!.id;
      const mine = await insertMonitor(t.db, a.tenantId, monitor({ proxyId: own }), true);
      const inactive = await insertMonitor(t.db, a.tenantId, monitor({ proxyId: off }), true);
      const foreign = await insertMonitor(t.db, b.tenantId, monitor({ proxyId: own }), true);
      const targets = await loadCheckTargets(t.db, [
        { monitorId: mine, tenantId: a.tenantId },
        { monitorId: inactive, tenantId: a.tenantId },
        { monitorId: foreign, tenantId: b.tenantId },
      ]);
      expect(targets.get(mine)?.proxy).toEqual({
        protocol: 'http',
        host: '127.0.0.1',
        port: 3128,
        auth: true,
        username: 'u',
        password: 'p',
      });
      expect(targets.get(inactive)?.proxy).toBeNull();
      expect(targets.get(foreign)?.proxy).toBeNull();
    });

    it('sends the tenant’s monitors direct again when their proxy is deleted', async () => {
      const id = (await saveProxy(t.db, a.tenantId, a.userId, null, proxy()))!.id;
      const m = await insertMonitor(t.db, a.tenantId, monitor({ proxyId: id }), true);
      expect(await deleteProxy(t.db, a.tenantId, id)).toEqual({ unlinkedMonitorCount: 1 });
      expect((await findMonitor(t.db, a.tenantId, m))?.proxyId).toBeNull();
      expect(await findProxy(t.db, a.tenantId, id)).toBeUndefined();
    });
  });

  describe('docker hosts', () => {
    const host = dockerHostInputSchema.parse({
      name: 'local',
      dockerType: 'socket',
      dockerDaemon: '/var/run/docker.sock',
    });

    it('saves, lists and deletes per tenant, clearing monitors that named the host', async () => {
      const id = (await dockers().save(a, null))!;
      const listed = await dockerHosts.listDockerHosts(t.db, a.tenantId);
      expect(listed).toEqual([
        {
          id,
          tenantId: a.tenantId,
          userId: a.userId,
          dockerDaemon: '/var/run/docker.sock',
          dockerType: 'socket',
          name: 'local',
        },
      ]);
      expect(listed.map(toDockerHostJson)).toEqual([
        {
          id,
          userID: a.userId,
          dockerDaemon: '/var/run/docker.sock',
          dockerType: 'socket',
          name: 'local',
        },
      ]);
      expect(await dockerHosts.listDockerHosts(t.db, b.tenantId)).toEqual([]);
      expect(await dockers().save(b, id)).toBeUndefined();
      expect(await dockerHosts.deleteDockerHost(t.db, b.tenantId, id)).toBeUndefined();
      const m = await insertMonitor(
        t.db,
        a.tenantId,
        monitor({ type: 'docker', docker_container: 'web', docker_host: id }),
        true,
      );
      expect(await dockerHosts.deleteDockerHost(t.db, a.tenantId, id)).toEqual({
        unlinkedMonitorCount: 1,
      });
      expect((await findMonitor(t.db, a.tenantId, m))?.extra.docker_host).toBeNull();
    });

    function dockers() {
      return {
        save: (owner: typeof a, id: number | null) =>
          dockerHosts.saveDockerHost(t.db, owner.tenantId, owner.userId, id, host),
      };
    }
  });

  describe('clearing history', () => {
    it('clears events, then heartbeats with their aggregates, of one monitor of one tenant', async () => {
      const m = await insertMonitor(t.db, a.tenantId, monitor(), true);
      const other = await insertMonitor(t.db, a.tenantId, monitor(), true);
      await beat(a.tenantId, m, DOWN, true);
      await beat(a.tenantId, other, UP, true);

      await clearMonitorEvents(t.db, b.tenantId, m);
      expect(
        await t.db
          .selectFrom('heartbeats')
          .select(['msg', 'important'])
          .where('monitor_id', '=', m)
          .execute(),
      ).toEqual([{ msg: 'went down', important: true }]);
      await clearMonitorEvents(t.db, a.tenantId, m);
      expect(
        await t.db
          .selectFrom('heartbeats')
          .select(['msg', 'important'])
          .where('monitor_id', '=', m)
          .execute(),
      ).toEqual([{ msg: '', important: false }]);

      const filled = { beats: 1, minutely: 1, hourly: 1, daily: 1 };
      await clearMonitorHeartbeats(t.db, b.tenantId, m);
      expect(await countRows(m)).toEqual(filled);
      await clearMonitorHeartbeats(t.db, a.tenantId, m);
      expect(await countRows(m)).toEqual({ beats: 0, minutely: 0, hourly: 0, daily: 0 });
      expect(await countRows(other)).toEqual(filled);
    });

    it('clears the statistics of the asking tenant only', async () => {
      const mine = await insertMonitor(t.db, a.tenantId, monitor(), true);
      const theirs = await insertMonitor(t.db, b.tenantId, monitor(), true);
      await beat(a.tenantId, mine, UP, false);
      await beat(b.tenantId, theirs, UP, false);
      await clearTenantStatistics(t.db, a.tenantId);
      expect(await countRows(mine)).toEqual({ beats: 0, minutely: 0, hourly: 0, daily: 0 });
      expect(await countRows(theirs)).toEqual({ beats: 1, minutely: 1, hourly: 1, daily: 1 });
    });
  });

  it('reports the database size and vacuums it, concurrent requests sharing one run', async () => {
    expect(await getDatabaseSize(t.db)).toBeGreaterThan(0);
    await Promise.all([vacuumDatabase(t.db), vacuumDatabase(t.db)]);
  });
});
