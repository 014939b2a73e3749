import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UP } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/transport.md#on-connect step 3, docs/protocol/authentication.md#disabled-authentication: with `disableAuth`, a new connection is logged in as the first
// user and told so with `autoLogin`; /metrics needs no credentials. Watchpost honours it
// only while the instance holds one tenant (findAutoLoginUser says why).

let ctx: ApiTestContext;
let owner: TestUser;
let monitorId: number;

beforeAll(async () => {
  ctx = await createApiTestContext('auth-disabled');
  owner = await ctx.createUser('owner');
  monitorId = await insertMonitor(ctx.db, owner.tenantId, { name: 'site' });
  // /metrics lists a monitor once it has a beat.
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId: owner.tenantId,
      monitorId,
      status: UP,
      msg: '',
      time: new Date(),
      pingMs: 12,
      durationSec: 60,
      downCount: 0,
      important: true,
      retries: 0,
      nextDueAt: new Date(Date.now() + 60_000),
    },
  ]);
});
afterAll(async () => ctx?.close());

async function setDisableAuth(value: boolean): Promise<void> {
  const client = await ctx.connect();
  await client.login(owner);
  const ack = await client.call('setSettings', { disableAuth: value }, owner.password);
  expect(ack).toEqual({ ok: true, msg: 'Saved' });
  client.close();
}

/** A fresh connection, given time to receive whatever the server greets it with. */
async function connectAndSettle(): Promise<TestClient> {
  const client = await ctx.connect();
  // `info` comes first on every connection; a server that auto-logs in sends the burst and
  // `autoLogin` right after, and otherwise nothing: one more round trip proves the quiet.
  await client.waitFor('info', { includePast: true });
  await client.call('needSetup');
  return client;
}

const scrapeWithoutCredentials = () => fetch(`${ctx.node.url}/metrics`);

describe('disableAuth off (the default)', () => {
  it('leaves a new connection logged out and /metrics closed', async () => {
    const client = await connectAndSettle();
    expect(client.events.map((e) => e.event)).not.toContain('autoLogin');
    expect(await client.call('getMonitor', monitorId)).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
    expect((await scrapeWithoutCredentials()).status).toBe(401);
  });
});

describe('disableAuth on, one tenant', () => {
  beforeAll(() => setDisableAuth(true));
  afterAll(() => setDisableAuth(false));

  it('logs a new connection in as the first user: burst, then autoLogin', async () => {
    const client = await ctx.connect();
    await client.waitFor('autoLogin', { includePast: true, timeoutMs: 5_000 });
    const names = client.events.map((e) => e.event);
    expect(names.indexOf('monitorList')).toBeGreaterThan(-1);
    expect(names.indexOf('monitorList')).toBeLessThan(names.indexOf('autoLogin'));
    expect(client.events.find((e) => e.event === 'autoLogin')?.args).toEqual([]);
    const { ok, monitor } = await client.call<{ ok: boolean; monitor: { name: string } }>(
      'getMonitor',
      monitorId,
    );
    expect(ok).toBe(true);
    expect(monitor.name).toBe('site');
  });

  it('serves /metrics without credentials, for that tenant', async () => {
    const response = await scrapeWithoutCredentials();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`monitor_name="site"`);
  });

  it('still refuses a wrong key that is presented', async () => {
    const response = await fetch(`${ctx.node.url}/metrics`, {
      headers: { authorization: 'Bearer uk1_wrong' },
    });
    expect(response.status).toBe(401);
  });

  it('stops as soon as a second tenant exists: nobody is logged into anyone', async () => {
    const other = await ctx.createUser('second-tenant');
    try {
      const client = await connectAndSettle();
      expect(client.events.map((e) => e.event)).not.toContain('autoLogin');
      expect((await scrapeWithoutCredentials()).status).toBe(401);
    } finally {
      await ctx.db.deleteFrom('tenants').where('id', '=', other.tenantId).execute();
    }
  });
});

describe('disableAuth turned off again', () => {
  it('no longer logs connections in', async () => {
    const client = await connectAndSettle();
    expect(client.events.map((e) => e.event)).not.toContain('autoLogin');
    expect((await scrapeWithoutCredentials()).status).toBe(401);
  });
});
