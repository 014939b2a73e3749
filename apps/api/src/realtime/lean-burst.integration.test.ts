import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOWN,
  UP,
  toHeartbeatJson,
  type MonitorMetaDelta,
  type MonitorSummary,
} from '@watchpost/core';
import { heartbeatRepository, tagRepository, type BeatToRecord } from '@watchpost/core/db';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestNode,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/dashboard.md: the dashboard's lean burst beside Kuma's unchanged one.
const LEAN = { query: { burst: 'lean' } };
const KUMA_ONLY = [
  'monitorList',
  'heartbeatList',
  'importantHeartbeatList',
  'avgPing',
  'uptime',
  'certInfo',
];

let ctx: ApiTestContext;
let otherNode: TestNode;
let alice: TestUser;
let bob: TestUser;
let web: number;
let paused: number;
let bobsMonitor: number;

function beat(monitorId: number, secondsAgo: number, overrides: Partial<BeatToRecord> = {}) {
  return {
    tenantId: alice.tenantId,
    monitorId,
    status: UP,
    msg: 'OK',
    time: new Date(Date.now() - secondsAgo * 1000),
    pingMs: 10,
    durationSec: 20,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(Date.now() + 60_000),
    ...overrides,
  } satisfies BeatToRecord;
}

beforeAll(async () => {
  ctx = await createApiTestContext('lean-burst');
  otherNode = await ctx.startNode();
  alice = await ctx.createUser('lean-alice');
  bob = await ctx.createUser('lean-bob');
  web = await insertMonitor(ctx.db, alice.tenantId, { name: 'web', url: 'https://example.com/' });
  paused = await insertMonitor(ctx.db, alice.tenantId, { name: 'paused' }, false);
  bobsMonitor = await insertMonitor(ctx.db, bob.tenantId, { name: 'bob-only' });
  const tag = await tagRepository.createTag(ctx.db, alice.tenantId, {
    name: 'prod',
    color: '#ff0000',
  });
  await tagRepository.addMonitorTag(ctx.db, alice.tenantId, tag.id, web, 'eu');
  // 50 beats: the summary keeps the last 40 statuses, the newest one DOWN with no ping.
  await heartbeatRepository.recordBeats(ctx.db, [
    ...Array.from({ length: 49 }, (_, i) => beat(web, (50 - i) * 20, { pingMs: i })),
    beat(web, 1, { status: DOWN, pingMs: 77, important: true }),
  ]);
});
afterAll(async () => ctx?.close());

async function leanClient(user: TestUser, node?: TestNode): Promise<TestClient> {
  const client = await ctx.connect(node, LEAN);
  await client.login(user);
  return client;
}

function summariesOf(client: TestClient): MonitorSummary[] {
  const [push] = client.pushesSince(0, 'monitorSummaryList');
  return push?.args[0] as MonitorSummary[];
}

function deltasSince(client: TestClient, mark: number): MonitorMetaDelta[] {
  return client.pushesSince(mark, 'monitorMetaDelta').map((e) => e.args[0] as MonitorMetaDelta);
}

describe('the lean burst at login (docs/protocol/dashboard.md#what-a-lean-socket-receives)', () => {
  it('sends one summary per monitor and none of the Kuma burst, before the ack', async () => {
    const client = await leanClient(alice);
    const names = client.events.map((e) => e.event);
    expect(names.filter((name) => KUMA_ONLY.includes(name))).toEqual([]);
    expect(names.indexOf('monitorSummaryList')).toBeLessThan(names.indexOf('ack:login'));
    for (const list of [
      'maintenanceList',
      'notificationList',
      'proxyList',
      'apiKeyList',
      'statusPageList',
    ]) {
      expect(names, list).toContain(list);
    }
    expect(summariesOf(client)).toEqual([
      {
        id: web,
        name: 'web',
        type: 'http',
        active: true,
        parent: null,
        maintenance: false,
        target: 'https://example.com/',
        tags: [{ tagId: expect.any(Number), name: 'prod', color: '#ff0000', value: 'eu' }],
        status: DOWN,
        ping: 77,
        uptime24: 0.98,
        beats: `${'1'.repeat(39)}0`,
      },
      expect.objectContaining({ id: paused, name: 'paused', active: false, beats: '', ping: null }),
    ]);
  });

  it('still gives a Kuma socket its full burst, and a handshake asking for anything else is Kuma', async () => {
    const kuma = await ctx.connect();
    await kuma.login(alice);
    const other = await ctx.connect(undefined, { query: { burst: 'full' } });
    await other.login(alice);
    for (const client of [kuma, other]) {
      const names = client.events.map((e) => e.event);
      expect(names).toContain('monitorList');
      expect(names.filter((n) => n === 'heartbeatList')).toHaveLength(2);
      expect(names).not.toContain('monitorSummaryList');
    }
  });

  it('sends nothing to a lean socket when a Kuma socket logs in', async () => {
    const lean = await leanClient(alice);
    const mark = lean.events.length;
    const kuma = await ctx.connect();
    await kuma.login(alice);
    await lean.call('getTags'); // a round trip after the Kuma burst went out
    const pushes = lean.pushesSince(mark).filter((e) => !e.event.startsWith('ack:'));
    expect(pushes.map((e) => e.event)).toEqual([]);
  });
});

describe('compression (docs/protocol/transport.md#compression)', () => {
  /** What the WebSocket negotiated; the Node client offers permessage-deflate by default. */
  const extensionsOf = (client: TestClient) =>
    (client.socket.io.engine.transport as unknown as { ws: { extensions: string } }).ws.extensions;

  it('compresses the WebSocket of lean and Kuma sockets alike', async () => {
    const lean = await ctx.connect(undefined, LEAN);
    const kuma = await ctx.connect();
    expect(extensionsOf(lean)).toContain('permessage-deflate');
    expect(extensionsOf(kuma)).toContain('permessage-deflate');
  });
});

describe('after login', () => {
  it('gives lean sockets a delta where Kuma sockets get the whole list, on every node', async () => {
    const kuma = await ctx.connect();
    await kuma.login(alice);
    const lean = await leanClient(alice);
    const leanElsewhere = await leanClient(alice, otherNode);
    const marks = [kuma.events.length, lean.events.length, leanElsewhere.events.length] as const;

    const added = await kuma.call<{ ok: boolean; monitorID: number }>(
      'add',
      httpMonitorPayload({ name: 'fresh', url: 'https://fresh.example/' }),
    );
    expect(added.ok).toBe(true);
    await kuma.call('pauseMonitor', web);
    await kuma.call('deleteMonitor', added.monitorID);

    await waitFor(() =>
      expect(kuma.pushesSince(marks[0], 'monitorList').length).toBeGreaterThanOrEqual(3),
    );
    for (const [client, mark] of [
      [lean, marks[1]],
      [leanElsewhere, marks[2]],
    ] as const) {
      await waitFor(() => expect(deltasSince(client, mark).length).toBeGreaterThanOrEqual(3));
      expect(client.pushesSince(mark, 'monitorList')).toEqual([]);
      const deltas = deltasSince(client, mark);
      const upserts = deltas.flatMap((d) => d.upserts);
      expect(upserts).toContainEqual(
        expect.objectContaining({ id: added.monitorID, name: 'fresh' }),
      );
      expect(upserts).toContainEqual(expect.objectContaining({ id: web, active: false }));
      expect(deltas.at(-1)?.removed).toEqual([added.monitorID]);
      // Only what changed: the delete's delta carries no upserts.
      expect(deltas.at(-1)?.upserts).toEqual([]);
    }
    await kuma.call('resumeMonitor', web);
  });

  it('passes the other pushes (a worker’s heartbeat through Redis) to both kinds of socket', async () => {
    const kuma = await ctx.connect();
    await kuma.login(alice);
    const lean = await leanClient(alice, otherNode);
    const beatJson = toHeartbeatJson({
      monitorId: web,
      status: UP,
      msg: 'OK',
      time: new Date(),
      pingMs: 5,
      durationSec: 20,
      downCount: 0,
      important: false,
    });
    createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(
      alice.tenantId,
      'heartbeat',
      beatJson,
    );
    for (const client of [kuma, lean]) {
      expect(await client.waitFor('heartbeat', { includePast: true })).toEqual([beatJson]);
    }
  });
});

describe('tenant isolation of the lean burst', () => {
  it('never shows a lean socket another tenant’s monitors, deltas or beats', async () => {
    const bobLean = await leanClient(bob);
    expect(summariesOf(bobLean).map((s) => s.id)).toEqual([bobsMonitor]);
    const mark = bobLean.events.length;

    const aliceKuma = await ctx.connect();
    await aliceKuma.login(alice);
    await aliceKuma.call('pauseMonitor', web);
    await aliceKuma.call('resumeMonitor', web);
    createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(alice.tenantId, 'avgPing', web, 3);
    await aliceKuma.waitFor('avgPing', { includePast: true });
    // A marker through the same channel: once Bob has it, a leak would have arrived too.
    createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(
      bob.tenantId,
      'avgPing',
      bobsMonitor,
      1,
    );
    await bobLean.waitFor('avgPing', { includePast: true });
    expect(bobLean.pushesSince(mark).map((e) => [e.event, e.args[0]])).toEqual([
      ['avgPing', bobsMonitor],
    ]);
  });

  it('takes a lean socket that logs in as another user out of the previous tenant’s lean room', async () => {
    const switcher = await ctx.connect(undefined, LEAN);
    await switcher.login(alice);
    await switcher.login(bob);
    const mark = switcher.events.length;
    const aliceKuma = await ctx.connect();
    await aliceKuma.login(alice);
    await aliceKuma.call('pauseMonitor', web);
    await aliceKuma.call('resumeMonitor', web);
    await aliceKuma.waitFor('monitorList', { includePast: true });
    await switcher.call('getTags');
    expect(deltasSince(switcher, mark)).toEqual([]);
  });
});
