import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/proxies.md / docs/protocol/docker-hosts.md event by event: ack shapes and texts, pushes before the ack, what is
// stored, error answers that change nothing; and architecture rule 1 for both object kinds.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;

const proxyInput = (overrides: Record<string, unknown> = {}) => ({
  protocol: 'http',
  host: 'proxy.example',
  port: 3128,
  auth: true,
  username: 'user',
  password: 'pass',
  active: true,
  default: false,
  applyExisting: false,
  ...overrides,
});
const dockerInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'local',
  dockerType: 'socket',
  dockerDaemon: '/var/run/docker.sock',
  ...overrides,
});

const proxyRows = () => ctx.db.selectFrom('proxies').selectAll().orderBy('id').execute();
const dockerRows = () => ctx.db.selectFrom('docker_hosts').selectAll().orderBy('id').execute();

/** The events a call caused, in arrival order, ending with its ack. */
async function callAndWatch(client: TestClient, event: string, ...args: unknown[]) {
  const from = client.events.length;
  const reply = await client.call<Record<string, unknown>>(event, ...args);
  const names = client.pushesSince(from).map((e) => e.event);
  return { reply, names, pushes: client.pushesSince(from) };
}

/** Waits until a marker sent to Bob's room after everything else reached his socket. */
async function syncBob(marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(bob.tenantId, 'avgPing', marker, null);
  await waitFor(() => {
    expect(b.events.some((e) => e.event === 'avgPing' && e.args[0] === marker)).toBe(true);
  });
}

beforeAll(async () => {
  ctx = await createApiTestContext('proxy-handlers');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
});
afterAll(async () => ctx?.close());

describe('proxies', () => {
  it('pushes proxyList in the login burst', async () => {
    const fresh = await ctx.connect();
    await fresh.login(alice);
    expect((await fresh.waitFor('proxyList', { includePast: true }))[0]).toEqual([]);
  });

  it('creates a proxy: proxyList to the room, then {ok, msg:"Saved", id}', async () => {
    const { reply, names, pushes } = await callAndWatch(a, 'addProxy', proxyInput(), null);
    expect(reply).toEqual({ ok: true, msg: 'Saved', id: expect.any(Number) });
    expect(names).toEqual(['proxyList', 'ack:addProxy']);
    expect(pushes[0]?.args).toEqual([
      [
        {
          id: reply.id,
          userId: alice.userId,
          protocol: 'http',
          host: 'proxy.example',
          port: 3128,
          auth: 1,
          username: 'user',
          password: 'pass',
          active: 1,
          default: 0,
          createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        },
      ],
    ]);
  });

  it('edits with the id, moves the default, and applies itself to every monitor', async () => {
    const first = (await a.call<{ id: number }>('addProxy', proxyInput({ default: true }), null))
      .id;
    const monitorId = (await a.call<{ monitorID: number }>('add', httpMonitorPayload())).monitorID;
    const { reply, names, pushes } = await callAndWatch(
      a,
      'addProxy',
      proxyInput({ host: 'other.example', default: true, applyExisting: true }),
      null,
    );
    expect(reply).toMatchObject({ ok: true, msg: 'Saved' });
    expect(names).toEqual(['proxyList', 'monitorList', 'ack:addProxy']);
    const list = pushes[0]?.args[0] as { id: number; default: number }[];
    expect(list.find((p) => p.id === first)?.default).toBe(0);
    expect(list.find((p) => p.id === reply.id)?.default).toBe(1);
    const { monitor } = await a.call<{ monitor: { proxyId: number } }>('getMonitor', monitorId);
    expect(monitor.proxyId).toBe(reply.id);

    // Python's edit_proxy sends the fetched row back with its changes (docs/protocol/compatibility.md#what-the-python-client-does-itself).
    const row = list.find((p) => p.id === first);
    expect(
      await a.call('addProxy', { ...row, port: 8080, auth: false, applyExisting: false }, first),
    ).toEqual({ ok: true, msg: 'Saved', id: first });
    expect((await proxyRows()).find((p) => p.id === first)).toMatchObject({
      port: 8080,
      auth: false,
    });
  });

  it('refuses bad input and unknown ids with nothing changed', async () => {
    const before = await proxyRows();
    const bad = await a.call<{ ok: boolean; msg: string }>(
      'addProxy',
      proxyInput({ protocol: 'ftp' }),
      null,
    );
    expect(bad.ok).toBe(false);
    expect(bad.msg).toMatch(/^Unsupported proxy protocol/);
    expect(await a.call('addProxy', proxyInput({ port: 70_000 }), null)).toMatchObject({
      ok: false,
    });
    expect(await a.call('addProxy', proxyInput(), 999_999)).toEqual({
      ok: false,
      msg: 'proxy not found',
    });
    expect(await a.call('deleteProxy', 999_999)).toEqual({ ok: false, msg: 'proxy not found' });
    expect(await a.call('deleteProxy', 'abc')).toEqual({ ok: false, msg: 'Invalid proxy ID.' });
    expect(await proxyRows()).toEqual(before);
  });

  it('deletes: monitors go direct, proxyList then the ack {ok, msg:"Deleted"}', async () => {
    const id = (await a.call<{ id: number }>('addProxy', proxyInput(), null)).id;
    const monitorId = (
      await a.call<{ monitorID: number }>('add', httpMonitorPayload({ proxyId: id }))
    ).monitorID;
    const { reply, names, pushes } = await callAndWatch(a, 'deleteProxy', id);
    expect(reply).toEqual({ ok: true, msg: 'Deleted' });
    expect(names).toEqual(['proxyList', 'monitorList', 'ack:deleteProxy']);
    expect((pushes[0]?.args[0] as { id: number }[]).some((p) => p.id === id)).toBe(false);
    const { monitor } = await a.call<{ monitor: { proxyId: unknown } }>('getMonitor', monitorId);
    expect(monitor.proxyId).toBeNull();
  });
});

describe('docker hosts', () => {
  it('creates, edits and deletes with dockerHostList before each ack', async () => {
    const created = await callAndWatch(a, 'addDockerHost', dockerInput(), null);
    expect(created.reply).toEqual({ ok: true, msg: 'Saved', id: expect.any(Number) });
    expect(created.names).toEqual(['dockerHostList', 'ack:addDockerHost']);
    const id = created.reply.id as number;
    expect(created.pushes[0]?.args).toEqual([
      [
        {
          id,
          userID: alice.userId,
          dockerDaemon: '/var/run/docker.sock',
          dockerType: 'socket',
          name: 'local',
        },
      ],
    ]);

    const tcp = dockerInput({ dockerType: 'tcp', dockerDaemon: 'tcp://127.0.0.1:2375', id });
    expect(await a.call('addDockerHost', tcp, id)).toEqual({ ok: true, msg: 'Saved', id });
    expect((await dockerRows())[0]).toMatchObject({ docker_type: 'tcp' });

    const deleted = await callAndWatch(a, 'deleteDockerHost', id);
    expect(deleted.reply).toEqual({ ok: true, msg: 'Deleted' });
    expect(deleted.names).toEqual(['dockerHostList', 'ack:deleteDockerHost']);
    expect(deleted.pushes[0]?.args).toEqual([[]]);
  });

  it('refuses bad input and unknown ids with nothing changed', async () => {
    const before = await dockerRows();
    expect(await a.call('addDockerHost', dockerInput({ dockerType: 'ssh' }), null)).toMatchObject({
      ok: false,
    });
    expect(await a.call('addDockerHost', dockerInput(), 999_999)).toEqual({
      ok: false,
      msg: 'docker host not found',
    });
    expect(await a.call('deleteDockerHost', 999_999)).toEqual({
      ok: false,
      msg: 'docker host not found',
    });
    expect(await dockerRows()).toEqual(before);
  });

  it('tests a daemon for real and answers the network error text', async () => {
    expect(
      await a.call('testDockerHost', dockerInput({ dockerDaemon: '/nonexistent/docker.sock' })),
    ).toEqual({ ok: false, msg: 'connect ENOENT /nonexistent/docker.sock' });
    expect(
      await a.call(
        'testDockerHost',
        dockerInput({ dockerType: 'tcp', dockerDaemon: 'tcp://127.0.0.1:1' }),
      ),
    ).toEqual({ ok: false, msg: 'connect ECONNREFUSED 127.0.0.1:1' });
  });
});

describe('across tenants', () => {
  it('never lets Bob change, delete or use Alice’s proxies and docker hosts, nor see them', async () => {
    const bobFrom = b.events.length;
    const proxyId = (
      await a.call<{ id: number }>('addProxy', proxyInput({ password: 'alice-only' }), null)
    ).id;
    const hostId = (await a.call<{ id: number }>('addDockerHost', dockerInput(), null)).id;
    const proxiesBefore = await proxyRows();
    const hostsBefore = await dockerRows();

    expect(await b.call('addProxy', proxyInput({ host: 'evil' }), proxyId)).toEqual({
      ok: false,
      msg: 'proxy not found',
    });
    expect(await b.call('deleteProxy', proxyId)).toEqual({ ok: false, msg: 'proxy not found' });
    expect(await b.call('addDockerHost', dockerInput({ name: 'evil' }), hostId)).toEqual({
      ok: false,
      msg: 'docker host not found',
    });
    expect(await b.call('deleteDockerHost', hostId)).toEqual({
      ok: false,
      msg: 'docker host not found',
    });
    // Nor route his monitors through it: the worker would not, and the monitor is refused.
    const bMonitors = await ctx.db
      .selectFrom('monitors')
      .select('id')
      .where('tenant_id', '=', bob.tenantId)
      .execute();
    expect(await b.call('add', httpMonitorPayload({ proxyId }))).toEqual({
      ok: false,
      msg: 'proxy not found',
    });
    const bMonitor = (await b.call<{ monitorID: number }>('add', httpMonitorPayload())).monitorID;
    expect(await b.call('editMonitor', httpMonitorPayload({ id: bMonitor, proxyId }))).toEqual({
      ok: false,
      msg: 'proxy not found',
    });
    expect(
      await ctx.db
        .selectFrom('monitors')
        .select(['id', 'proxy_id'])
        .where('tenant_id', '=', bob.tenantId)
        .execute(),
    ).toEqual([
      ...bMonitors.map((m) => ({ id: m.id, proxy_id: null })),
      { id: bMonitor, proxy_id: null },
    ]);
    // applyExisting on Bob's own proxy touches Bob's monitors only.
    const aMonitor = (await a.call<{ monitorID: number }>('add', httpMonitorPayload({ proxyId })))
      .monitorID;
    const bProxy = (
      await b.call<{ id: number }>('addProxy', proxyInput({ applyExisting: true }), null)
    ).id;
    const { monitor } = await a.call<{ monitor: { proxyId: number } }>('getMonitor', aMonitor);
    expect(monitor.proxyId).toBe(proxyId);

    expect((await proxyRows()).filter((p) => p.id !== bProxy)).toEqual(proxiesBefore);
    expect(await dockerRows()).toEqual(hostsBefore);

    await syncBob(424_242);
    const seen = JSON.stringify(b.pushesSince(bobFrom));
    expect(seen).not.toContain('alice-only');
    const bobLists = b
      .pushesSince(bobFrom)
      .filter((e) => e.event === 'proxyList' || e.event === 'dockerHostList')
      .flatMap((e) => e.args[0] as { id: number }[]);
    expect(bobLists.map((p) => p.id)).toEqual([bProxy]);
  });
});
