import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  DOWN,
  MAINTENANCE,
  toHeartbeatRowJson,
  toImportantHeartbeatJson,
  UP,
  type ServerEvent,
  type TlsInfo,
} from '@watchpost/core';
import {
  heartbeatRepository,
  monitorRepository,
  statsRepository,
  type BeatToRecord,
} from '@watchpost/core/db';
import { listMonitors, REPLAY_PAGE_MONITORS, type ServiceContext } from '@watchpost/core/services';
import { createRedisTenantEvents, monitorStatEvents } from '@watchpost/core/realtime';
import { waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/authentication.md#post-login-burst: steps 9 to 11 are read and sent in slices;
// what a Kuma client receives must be exactly what the burst sent when it was read at once.

const TLS = {
  valid: true,
  certInfo: { subject: { CN: 'example.com' }, daysRemaining: 90 },
} as unknown as TlsInfo;
const PER_MONITOR = ['heartbeatList', 'importantHeartbeatList', 'avgPing', 'uptime', 'certInfo'];

let ctx: ApiTestContext;
let small: TestUser;
let large: TestUser;
let heavy: TestUser;
const startedAt = Date.now();

function beat(tenantId: number, monitorId: number, secondsAgo: number, extra = {}) {
  return {
    tenantId,
    monitorId,
    status: UP,
    msg: '200 - OK',
    time: new Date(startedAt - secondsAgo * 1000),
    pingMs: 10 + (secondsAgo % 7),
    durationSec: 20,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(startedAt + 60_000),
    ...extra,
  } satisfies BeatToRecord;
}

/** A group with two children, a paused monitor, tags, a notification and a maintenance window. */
async function seedSmallTenant(user: TestUser): Promise<void> {
  const { tenantId } = user;
  const group = await insertMonitor(ctx.db, tenantId, { name: 'group', type: 'group' });
  const web = await insertMonitor(ctx.db, tenantId, { name: 'web', parent: group });
  const api = await insertMonitor(ctx.db, tenantId, { name: 'api', parent: group });
  const paused = await insertMonitor(ctx.db, tenantId, { name: 'paused' }, false);
  await heartbeatRepository.recordBeats(ctx.db, [
    ...Array.from({ length: 120 }, (_, i) =>
      beat(tenantId, web, (120 - i) * 30, { important: i % 40 === 0 }),
    ),
    beat(tenantId, api, 90, { status: DOWN, msg: 'refused', pingMs: null, important: true }),
    beat(tenantId, api, 30, { important: true, tls: TLS }),
    beat(tenantId, paused, 600, { status: MAINTENANCE, important: true }),
  ]);
  const [tag] = await sql<{ id: number }>`
    INSERT INTO tags (tenant_id, name, color) VALUES (${tenantId}, 'prod', '#059669') RETURNING id
  `
    .execute(ctx.db)
    .then((r) => r.rows);
  await sql`
    INSERT INTO monitor_tags (tenant_id, monitor_id, tag_id, value)
    VALUES (${tenantId}, ${web}, ${tag!.id}, 'eu'), (${tenantId}, ${api}, ${tag!.id}, null)
  `.execute(ctx.db);
  const [notification] = await sql<{ id: number }>`
    INSERT INTO notifications (tenant_id, name, config)
    VALUES (${tenantId}, 'ops', ${JSON.stringify({ type: 'webhook', webhookURL: 'https://h.example/' })})
    RETURNING id
  `
    .execute(ctx.db)
    .then((r) => r.rows);
  await sql`
    INSERT INTO monitor_notifications (tenant_id, monitor_id, notification_id)
    VALUES (${tenantId}, ${web}, ${notification!.id}), (${tenantId}, ${paused}, ${notification!.id})
  `.execute(ctx.db);
  const [window] = await sql<{ id: number }>`
    INSERT INTO maintenances (tenant_id, title, strategy, active)
    VALUES (${tenantId}, 'upgrade', 'manual', true) RETURNING id
  `
    .execute(ctx.db)
    .then((r) => r.rows);
  await sql`
    INSERT INTO monitor_maintenances (tenant_id, maintenance_id, monitor_id)
    VALUES (${tenantId}, ${window!.id}, ${group})
  `.execute(ctx.db);
}

/** More monitors than two slices hold, a few beats each, in bulk. */
async function seedLargeTenant(user: TestUser, count: number): Promise<void> {
  const { tenantId } = user;
  await sql`
    INSERT INTO monitors (tenant_id, name, type, url)
    SELECT ${tenantId}, 'm' || g, 'http', 'https://m' || g || '.example/'
    FROM generate_series(1, ${count}::int) g
  `.execute(ctx.db);
  await sql`
    INSERT INTO monitor_state (monitor_id, tenant_id, status)
    SELECT id, tenant_id, 1 FROM monitors WHERE tenant_id = ${tenantId}
  `.execute(ctx.db);
  await sql`
    INSERT INTO heartbeats (tenant_id, monitor_id, status, msg, time, ping, important)
    SELECT m.tenant_id, m.id, 1, 'OK', ${new Date(startedAt).toISOString()}::timestamptz
             - b * interval '1 minute', b, b = 3
    FROM monitors m CROSS JOIN generate_series(1, 3) b WHERE m.tenant_id = ${tenantId}
  `.execute(ctx.db);
}

/**
 * Beat lists far larger than the kernel's socket buffers hold: 100 beats of 1 KB messages for
 * each of more monitors than one slice, some 25 MB of JSON on a connection without compression.
 */
async function seedHeavyTenant(user: TestUser): Promise<void> {
  await seedLargeTenant(user, HEAVY);
  await sql`
    INSERT INTO heartbeats (tenant_id, monitor_id, status, msg, time, ping, important)
    SELECT m.tenant_id, m.id, 1, repeat('slow target ', 85),
           ${new Date(startedAt).toISOString()}::timestamptz - b * interval '1 minute', b, false
    FROM monitors m CROSS JOIN generate_series(4, 100) b WHERE m.tenant_id = ${user.tenantId}
  `.execute(ctx.db);
}

/**
 * A TCP proxy in front of the API whose reading from the API can be stopped: the server's
 * writes to a client that does not read fill the kernel's buffers and then wait.
 */
async function startPausableProxy(port: number): Promise<{
  url: string;
  pause(): void;
  resume(): void;
  server: Server;
}> {
  const pairs: { upstream: Socket; client: Socket }[] = [];
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    pairs.push({ upstream, client });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    pause() {
      for (const { upstream, client } of pairs) upstream.unpipe(client).pause();
    },
    resume() {
      // pipe() resumes the flow and honours the client side's backpressure again.
      for (const { upstream, client } of pairs) upstream.pipe(client);
    },
    server,
  };
}

/**
 * The burst's steps 1 and 9 to 11 as the previous implementation produced them: every kind
 * read at once for all monitors, then sent in order.
 */
async function burstReadAtOnce(tenantId: number): Promise<ServerEvent[]> {
  const { db } = ctx;
  // The list's read model needs nothing of a service context but the database and tenant.
  const monitorList = await listMonitors({ db, tenantId } as ServiceContext);
  const ids = Object.keys(monitorList).map(Number);
  const [states, recent, important, day, month] = await Promise.all([
    monitorRepository.listMonitorStates(db, tenantId),
    heartbeatRepository.listLatestBeats(db, tenantId, ids, 100),
    heartbeatRepository.listLatestBeats(db, tenantId, ids, 500, true),
    statsRepository.getWindowStats(db, tenantId, ids, 24),
    statsRepository.getWindowStats(db, tenantId, ids, 720),
  ]);
  return [
    ['monitorList', monitorList],
    ...ids.map((id): ServerEvent => [
      'heartbeatList',
      String(id),
      (recent.get(id) ?? []).map(toHeartbeatRowJson),
      false,
    ]),
    ...ids.map((id): ServerEvent => [
      'importantHeartbeatList',
      String(id),
      [...(important.get(id) ?? [])].reverse().map(toImportantHeartbeatJson),
      false,
    ]),
    ...ids.flatMap((id) => {
      const state = states.get(id);
      return monitorStatEvents(
        String(id),
        { day: day.get(id), month: month.get(id) },
        state?.status === UP || state?.status === MAINTENANCE,
        state?.tlsInfo ?? null,
      );
    }),
  ];
}

/** What the client received of steps 1 and 9 to 11, in order. */
function receivedBurst(client: TestClient, from: number): unknown[][] {
  return client
    .pushesSince(from)
    .filter((e) => e.event === 'monitorList' || PER_MONITOR.includes(e.event))
    .map((e) => [e.event, ...e.args]);
}

async function untilBurstEnds(client: TestClient, monitors: number): Promise<void> {
  await waitFor(() => expect(client.pushesSince(0, 'uptime')).toHaveLength(2 * monitors), {
    timeoutMs: 60_000,
  });
}

const LARGE = 2 * REPLAY_PAGE_MONITORS + 50;
const HEAVY = REPLAY_PAGE_MONITORS + 50;
// A burst of hundreds of monitors on a busy test machine may take longer than the default wait.
const SLOW_CALLS = { callTimeoutMs: 60_000 };

beforeAll(async () => {
  ctx = await createApiTestContext('burst-slices');
  small = await ctx.createUser('slices-small');
  large = await ctx.createUser('slices-large');
  await seedSmallTenant(small);
  heavy = await ctx.createUser('slices-heavy');
  await seedLargeTenant(large, LARGE);
  await seedHeavyTenant(heavy);
});
afterAll(async () => ctx?.close());

describe('the post-login burst read in slices', () => {
  it('sends a small tenant exactly what reading everything at once gave, before the ack', async () => {
    const client = await ctx.connect();
    const mark = client.events.length;
    await client.login(small);
    const received = receivedBurst(client, mark);
    expect(received).toEqual(JSON.parse(JSON.stringify(await burstReadAtOnce(small.tenantId))));
    const [, list] = received[0] as [string, Record<string, Record<string, unknown>>];
    expect(Object.values(list).map((m) => [m.name, m.maintenance, m.tags])).toEqual([
      ['group', true, []],
      ['web', true, [expect.objectContaining({ name: 'prod', value: 'eu' })]],
      ['api', true, [expect.objectContaining({ name: 'prod', value: null })]],
      ['paused', false, []],
    ]);
    expect(received.filter(([event]) => event === 'certInfo')).toHaveLength(1);
  });

  it('acks a large tenant at once and streams the same burst after the ack', async () => {
    const client = await ctx.connect(undefined, SLOW_CALLS);
    const mark = client.events.length;
    await client.login(large);
    const ackAt = client.events.findIndex((e) => e.event === 'ack:login');
    expect(client.events.slice(mark, ackAt).map((e) => e.event)).not.toContain('heartbeatList');
    await untilBurstEnds(client, LARGE);
    expect(client.pushesSince(ackAt, 'monitorList')).toHaveLength(1);
    expect(client.pushesSince(ackAt, 'statusPageList')).toHaveLength(1);
    expect(receivedBurst(client, mark)).toEqual(
      JSON.parse(JSON.stringify(await burstReadAtOnce(large.tenantId))),
    );
  });

  it('delivers other sockets’ events while a burst waits for its client to read', async () => {
    // The burst's client stops reading after its first beat list; what the server sends
    // meanwhile fills the kernel's buffers. A push to the room and another socket's answer
    // still arrive at once, and the push reaches the burst's client before the rest of its
    // burst: the server holds back what the client has not taken rather than queueing it all.
    const proxy = await startPausableProxy(ctx.node.api.port);
    try {
      // A dashboard socket of the same tenant: its own lean burst is small.
      const other = await ctx.connect(undefined, { ...SLOW_CALLS, query: { burst: 'lean' } });
      await other.login(heavy);
      const client = await ctx.connect(
        { ...ctx.node, url: proxy.url },
        { ...SLOW_CALLS, compression: false },
      );
      const firstList = client.waitFor('heartbeatList', { timeoutMs: 60_000 });
      client.socket.emit(
        'login',
        { username: heavy.username, password: heavy.password, token: '' },
        () => {},
      );
      await firstList;
      proxy.pause();
      const otherMark = other.events.length;
      const [monitorId] = Object.keys(
        (await listMonitors({ db: ctx.db, tenantId: heavy.tenantId } as ServiceContext)) ?? {},
      ).map(Number);
      createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(
        heavy.tenantId,
        'avgPing',
        monitorId!,
        4321,
      );
      await other.waitFor('avgPing', { timeoutMs: 60_000 });
      expect(typeof (await other.call('checkApprise'))).toBe('boolean');
      expect(other.pushesSince(otherMark, 'heartbeatList')).toEqual([]);
      proxy.resume();

      await untilBurstEnds(client, HEAVY);
      const order = client.events.map((e) =>
        e.event === 'avgPing' && e.args[1] === 4321 ? 'pushed' : e.event,
      );
      const pushedAt = order.indexOf('pushed');
      expect(pushedAt).toBeGreaterThan(order.indexOf('heartbeatList'));
      expect(pushedAt).toBeLessThan(order.lastIndexOf('uptime'));
      // At most the slice being written and the next are queued ahead of the push; the first
      // beat list slice alone outgrows the kernel's buffers, so nothing later is.
      expect(pushedAt).toBeLessThan(order.indexOf('importantHeartbeatList'));
    } finally {
      proxy.server.close();
    }
  });
});
