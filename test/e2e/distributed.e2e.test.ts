import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectKumaTestClient,
  createTestDatabase,
  type KumaTestClient,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@watchpost/core/testing';
import { freePort, runRole, spawnRole, type RoleProcess } from '../support/processes.js';
import { startHttpTarget, type HttpTarget } from '../support/targets.js';
import { sleep, waitFor } from '../support/wait-for.js';

// The whole distributed deployment as separate processes on the real Postgres and Redis:
// two API nodes, one scheduler, one worker.

interface Beat {
  monitorID: number;
  status: number;
  important: boolean;
  msg: string;
  time: string;
}

let t: TestDatabase;
let target: HttpTarget;
let env: Record<string, string>;
let roles: RoleProcess[] = [];
let urlA: string;
let urlB: string;
const clients: KumaTestClient[] = [];
let token: string;
let onA: KumaTestClient;
let onB: KumaTestClient;
let otherTenant: KumaTestClient;
let monitorId: number;

const beatsOf = (client: KumaTestClient, id: number): Beat[] =>
  client.events
    .filter((e) => e.event === 'heartbeat' && (e.args[0] as Beat).monitorID === id)
    .map((e) => e.args[0] as Beat);

/** The first push of `event` (matching `match`) this client has received or will receive. */
const seen = (client: KumaTestClient, event: string, match?: (args: unknown[]) => boolean) =>
  client.waitFor(event, { match, includePast: true, timeoutMs: 10_000 });

async function connect(url: string) {
  const client = await connectKumaTestClient(url, { callTimeoutMs: 10_000 });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  t = await createTestDatabase();
  target = await startHttpTarget();
  const prefix = uniqueRedisPrefix('e2e');
  env = {
    DATABASE_URL: t.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    MIN_INTERVAL_SECONDS: '1',
  };
  const [portA, portB] = [await freePort(), await freePort()];
  urlA = `http://127.0.0.1:${portA}`;
  urlB = `http://127.0.0.1:${portB}`;
  roles = [
    spawnRole('api-a', 'apps/api/src/main.ts', { ...env, PORT: String(portA) }),
    spawnRole('api-b', 'apps/api/src/main.ts', { ...env, PORT: String(portB) }),
    spawnRole('scheduler', 'apps/scheduler/src/main.ts', env),
    spawnRole('worker', 'apps/worker/src/main.ts', { ...env, WORKER_CONCURRENCY: '10' }),
  ];
  for (const url of [urlA, urlB]) {
    await waitFor(
      async () => {
        const res = await fetch(`${url}/healthz`).catch(() => null);
        return res?.ok;
      },
      { timeoutMs: 30_000, what: `${url}/healthz` },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${roles.map((r) => r.output()).join('\n')}`);
    });
  }
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  const codes = await Promise.all(roles.map((r) => r.stop()));
  await target?.close();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await t?.drop();
  // SIGTERM drains and exits cleanly.
  expect(codes).toEqual([0, 0, 0, 0]);
}, 60_000);

describe('distributed deployment', () => {
  it('sets up on node A and accepts A’s token on node B', async () => {
    onA = await connect(urlA);
    expect(await onA.call('needSetup')).toBe(true);
    expect(await onA.call('setup', 'admin', 'secret123')).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
    const login = await onA.call<{ ok: boolean; token: string }>('login', {
      username: 'admin',
      password: 'secret123',
      token: '',
    });
    expect(login.ok).toBe(true);
    token = login.token;

    onB = await connect(urlB);
    expect(await onB.call('loginByToken', token)).toEqual({ ok: true });
    const [info] = await seen(onB, 'info', (a) => 'version' in (a[0] as object));
    expect((info as { version: string }).version).toMatch(/^1\.23\.\d+$/);
    await seen(onB, 'monitorList');
  });

  it('streams heartbeats of a monitor added through A to the client on B', async () => {
    const created = await onA.call<{ ok: boolean; monitorID: number }>('add', {
      type: 'http',
      name: 'e2e target',
      url: target.url,
      interval: 1,
      retryInterval: 1,
      maxretries: 2,
      accepted_statuscodes: ['200-299'],
      notificationIDList: {},
    });
    expect(created).toMatchObject({ ok: true, msg: 'Added Successfully.' });
    monitorId = created.monitorID;
    const [first] = await seen(onB, 'heartbeat', (a) => (a[0] as Beat).monitorID === monitorId);
    expect(first).toMatchObject({
      monitorID: monitorId,
      status: 1,
      important: true,
      msg: '200 - OK',
    });
    await seen(onB, 'uptime', (a) => a[0] === monitorId && a[1] === 24);
    await seen(onB, 'avgPing', (a) => a[0] === monitorId);
  });

  it('goes PENDING, then DOWN after maxretries, then UP, marking only the changes important', async () => {
    await waitFor(() => beatsOf(onB, monitorId).length >= 2, { what: 'a second UP beat' });
    await target.stop();
    await waitFor(() => beatsOf(onB, monitorId).some((b) => b.status === 0), {
      timeoutMs: 15_000,
      what: 'a DOWN beat',
    });
    await target.start();
    await waitFor(
      () => {
        const beats = beatsOf(onB, monitorId);
        const down = beats.findIndex((b) => b.status === 0);
        return beats.slice(down).some((b) => b.status === 1);
      },
      { timeoutMs: 15_000, what: 'UP again' },
    );
    const statuses = beatsOf(onB, monitorId).map((b) => `${b.status}${b.important ? '!' : ''}`);
    // 1! first beat, 1… more UP, 2 2 (retries, not important), 0! DOWN, 0… , 1! back UP.
    const compact = statuses.filter((s, i) => s !== statuses[i - 1] || s.endsWith('!'));
    expect(compact.join(' ')).toMatch(/^1! 1 2 0! (0 )?1!/);
  });

  it('stops beats within one interval of a pause', async () => {
    expect(await onA.call('pauseMonitor', monitorId)).toEqual({
      ok: true,
      msg: 'Paused Successfully.',
    });
    await sleep(1500);
    const count = beatsOf(onB, monitorId).length;
    await sleep(2500);
    expect(beatsOf(onB, monitorId).length).toBe(count);
  });

  it('keeps a second tenant on the same node blind to all of it', async () => {
    const created = await runRole('apps/api/src/admin/main.ts', env, [
      'create-tenant',
      '--name',
      'Globex',
      '--username',
      'globex',
      '--password',
      'globex123',
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({
      tenantId: expect.any(Number),
      userId: expect.any(Number),
    });
    otherTenant = await connect(urlB);
    const login = await otherTenant.call<{ ok: boolean }>('login', {
      username: 'globex',
      password: 'globex123',
      token: '',
    });
    expect(login.ok).toBe(true);
    const [list] = await seen(otherTenant, 'monitorList');
    expect(list).toEqual({});
    expect(await otherTenant.call('getMonitor', monitorId)).toMatchObject({ ok: false });

    expect(await onA.call('resumeMonitor', monitorId)).toMatchObject({ ok: true });
    const resumedAt = Date.now();
    await seen(
      onB,
      'heartbeat',
      (a) => (a[0] as Beat).monitorID === monitorId && Date.now() >= resumedAt,
    );
    const leaked = otherTenant.events.filter(
      (e) =>
        ['heartbeat', 'avgPing', 'uptime', 'certInfo', 'heartbeatList'].includes(e.event) ||
        (e.event === 'monitorList' && Object.keys(e.args[0] as object).length > 0),
    );
    expect(leaked).toEqual([]);
  });

  it('deletes the monitor with its beats', async () => {
    expect(await onA.call('deleteMonitor', monitorId)).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
    await sleep(1500);
    const rows = await t.db
      .selectFrom('heartbeats')
      .select('id')
      .where('monitor_id', '=', monitorId)
      .execute();
    expect(rows).toEqual([]);
    const [list] = await seen(onB, 'monitorList', (a) => !(String(monitorId) in (a[0] as object)));
    expect(list).toEqual({});
  });
});
