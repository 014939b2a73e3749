import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { DOWN, UP, type TlsInfo } from '@watchpost/core';
import { heartbeatRepository, type BeatToRecord } from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestUser,
} from '../testing/api-test-context.js';
import type { ReceivedEvent } from '@watchpost/core/testing';

const LIST_PUSHES = [
  'monitorList',
  'maintenanceList',
  'notificationList',
  'proxyList',
  'dockerHostList',
  'apiKeyList',
  'statusPageList',
];

const TLS: TlsInfo = {
  valid: true,
  certInfo: {
    subject: { CN: 'example.com' },
    issuer: { CN: 'Example CA' },
    subjectaltname: 'DNS:example.com',
    valid_from: 'Jan  1 00:00:00 2025 GMT',
    valid_to: 'Jan  1 00:00:00 2030 GMT',
    fingerprint: 'AA',
    fingerprint256: 'BB',
    serialNumber: '01',
    validTo: '2030-01-01T00:00:00.000Z',
    validFor: ['example.com'],
    daysRemaining: 1500,
    certType: 'server',
    issuerCertificate: null,
  },
};

let ctx: ApiTestContext;
let user: TestUser;
let web: number;
let api: number;
let quiet: number;
const startedAt = Date.now();

function beat(monitorId: number, secondsAgo: number, overrides: Partial<BeatToRecord> = {}) {
  return {
    tenantId: user.tenantId,
    monitorId,
    status: UP,
    msg: '200 - OK',
    time: new Date(startedAt - secondsAgo * 1000),
    pingMs: 10,
    durationSec: 20,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(startedAt + 60_000),
    ...overrides,
  } satisfies BeatToRecord;
}

beforeAll(async () => {
  ctx = await createApiTestContext('burst');
  user = await ctx.createUser('burst');
  web = await insertMonitor(ctx.db, user.tenantId, { name: 'web' });
  api = await insertMonitor(ctx.db, user.tenantId, { name: 'api', url: 'https://example.com/' });
  quiet = await insertMonitor(ctx.db, user.tenantId, { name: 'quiet' }, false);

  // 150 beats for `web` (the burst replays the last 100), three of them important.
  const webBeats = Array.from({ length: 150 }, (_, i) =>
    beat(web, (150 - i) * 20, { important: i === 0 || i === 70 || i === 149, pingMs: i }),
  );
  const apiBeats = [
    beat(api, 60, { status: DOWN, msg: 'refused', pingMs: null, important: true }),
    beat(api, 40, { important: true, tls: TLS }),
  ];
  await heartbeatRepository.recordBeats(ctx.db, [...webBeats, ...apiBeats]);
});
afterAll(async () => ctx?.close());

function pushesOf(events: ReceivedEvent[], name: string): unknown[][] {
  return events.filter((e) => e.event === name).map((e) => e.args);
}

describe('post-login burst (docs/protocol/authentication.md#post-login-burst)', () => {
  it('sends every list push with its exact arity before the login ack', async () => {
    const client = await ctx.connect();
    // The greeting's pre-login `info` (docs/protocol/transport.md#on-connect) is not the burst's.
    await client.waitFor('info', { includePast: true });
    const mark = client.events.length;
    await client.login(user);
    const events = client.events.slice(mark);
    const ackIndex = events.findIndex((e) => e.event === 'ack:login');
    for (const name of LIST_PUSHES) {
      const index = events.findIndex((e) => e.event === name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      expect(index, name).toBeLessThan(ackIndex);
      expect(events[index]?.args, name).toHaveLength(1);
    }
    expect(pushesOf(events, 'maintenanceList')).toEqual([[{}]]);
    expect(pushesOf(events, 'statusPageList')).toEqual([[{}]]);
    for (const name of ['notificationList', 'proxyList', 'dockerHostList', 'apiKeyList']) {
      expect(pushesOf(events, name), name).toEqual([[[]]]);
    }
    expect(pushesOf(events, 'info')).toEqual([
      [
        {
          version: '1.23.16',
          latestVersion: '1.23.16',
          isContainer: false,
          primaryBaseURL: null,
          serverTimezone: 'UTC',
          serverTimezoneOffset: '+00:00',
          publicPathPrefix: '',
        },
      ],
    ]);
  });

  it('lists every monitor with the computed fields', async () => {
    const client = await ctx.connect();
    await client.login(user);
    const [list] = pushesOf(client.events, 'monitorList')[0] as [Record<string, unknown>];
    expect(Object.keys(list)).toEqual([String(web), String(api), String(quiet)]);
    expect(list[String(web)]).toMatchObject({
      id: web,
      name: 'web',
      pathName: 'web',
      active: true,
      childrenIDs: [],
      forceInactive: false,
      notificationIDList: {},
      tags: [],
      maintenance: false,
      includeSensitiveData: true,
    });
    expect(list[String(quiet)]).toMatchObject({ active: false });
  });

  it('replays the last 100 beats oldest first and the important ones newest first', async () => {
    const client = await ctx.connect();
    await client.login(user);
    const lists = pushesOf(client.events, 'heartbeatList');
    expect(lists.map((args) => args[0])).toEqual([String(web), String(api), String(quiet)]);
    for (const args of lists) {
      expect(args).toHaveLength(3);
      expect(args[2]).toBe(false);
    }
    const webRows = lists[0]?.[1] as Record<string, unknown>[];
    expect(webRows).toHaveLength(100);
    expect(webRows.map((r) => r.ping)).toEqual(Array.from({ length: 100 }, (_, i) => i + 50));
    expect(webRows[0]).toEqual({
      id: expect.any(Number),
      important: 0,
      monitor_id: web,
      status: UP,
      msg: '200 - OK',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/),
      ping: 50,
      duration: 20,
      down_count: 0,
    });
    expect(lists[2]?.[1]).toEqual([]);

    const important = pushesOf(client.events, 'importantHeartbeatList');
    expect(important.map((args) => [args[0], args[2]])).toEqual([
      [String(web), false],
      [String(api), false],
      [String(quiet), false],
    ]);
    const webImportant = important[0]?.[1] as Record<string, unknown>[];
    expect(webImportant.map((b) => b.ping)).toEqual([149, 70, 0]);
    expect(webImportant[0]).toEqual({
      monitorID: web,
      status: UP,
      time: expect.any(String),
      msg: '200 - OK',
      ping: 149,
      important: 1,
      duration: 20,
    });
    const apiImportant = important[1]?.[1] as Record<string, unknown>[];
    expect(apiImportant.map((b) => b.status)).toEqual([UP, DOWN]);
  });

  it('ends with avgPing, uptime 24/720 and certInfo per monitor', async () => {
    const client = await ctx.connect();
    await client.login(user);
    const stats = client.events.filter((e) => ['avgPing', 'uptime', 'certInfo'].includes(e.event));
    const shape = (e: ReceivedEvent) =>
      e.event === 'uptime' ? [e.event, e.args[0], e.args[1]] : [e.event, e.args[0]];
    expect(stats.map(shape)).toEqual([
      ['avgPing', String(web)],
      ['uptime', String(web), 24],
      ['uptime', String(web), 720],
      ['avgPing', String(api)],
      ['uptime', String(api), 24],
      ['uptime', String(api), 720],
      ['certInfo', String(api)],
      ['avgPing', String(quiet)],
      ['uptime', String(quiet), 24],
      ['uptime', String(quiet), 720],
    ]);
    const args = (event: string, id: number, period?: number) =>
      stats.find(
        (e) => e.event === event && e.args[0] === String(id) && (!period || e.args[1] === period),
      )?.args;
    expect(args('avgPing', web)).toEqual([String(web), 74]);
    expect(args('uptime', web, 24)).toEqual([String(web), 24, 1]);
    expect(args('uptime', api, 24)).toEqual([String(api), 24, 0.5]);
    expect(args('avgPing', quiet)).toEqual([String(quiet), null]);
    expect(args('uptime', quiet, 720)).toEqual([String(quiet), 720, 0]);
    const certInfo = args('certInfo', api);
    expect(certInfo).toHaveLength(2);
    expect(JSON.parse(certInfo?.[1] as string)).toEqual(TLS);
  });

  it('sends every list (monitorList as {}) and nothing per monitor to an empty tenant', async () => {
    const empty = await ctx.createUser('empty');
    const client = await ctx.connect();
    const waitForAll = Promise.all(
      LIST_PUSHES.map((name) => client.waitFor(name, { timeoutMs: 1_000 })),
    );
    await client.login(empty);
    await waitForAll;
    expect(pushesOf(client.events, 'monitorList')).toEqual([[{}]]);
    const perMonitor = ['heartbeatList', 'importantHeartbeatList', 'avgPing', 'uptime'];
    expect(client.events.filter((e) => perMonitor.includes(e.event))).toEqual([]);
  });

  it('delivers the whole burst for 50 monitors with 100 beats each', async () => {
    // docs/protocol/authentication.md#post-login-burst / docs/protocol/transport.md#timing-and-ordering:
    // the Python client's setUp gives the burst one second. `npm run bench:login-burst`
    // measures that time; here the waits are generous, so only completeness is tested.
    const busy = await ctx.createUser('busy');
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(await insertMonitor(ctx.db, busy.tenantId));
    await heartbeatRepository.recordBeats(
      ctx.db,
      ids.flatMap((monitorId) =>
        Array.from({ length: 100 }, (_, i) => ({
          ...beat(monitorId, (100 - i) * 20, { important: i % 10 === 0 }),
          tenantId: busy.tenantId,
        })),
      ),
    );
    const client = await ctx.connect();
    const lastPush = client.waitFor('uptime', { timeoutMs: 10_000 }).then(async () => {
      await waitFor(() => expect(pushesOf(client.events, 'uptime')).toHaveLength(ids.length * 2), {
        timeoutMs: 10_000,
      });
    });
    client.socket.emit('login', { username: 'busy', password: busy.password, token: '' }, () => {});
    await lastPush;
    expect(pushesOf(client.events, 'heartbeatList')).toHaveLength(50);
    for (const [, beats] of pushesOf(client.events, 'heartbeatList')) {
      expect(beats).toHaveLength(100);
    }
  });

  it('also sends the room-wide lists to the tenant’s other sockets', async () => {
    const first = await ctx.connect();
    await first.login(user);
    const mark = first.events.length;
    const second = await ctx.connect();
    await second.login(user);
    await waitFor(() =>
      expect(first.pushesSince(mark).map((e) => e.event)).toEqual(
        expect.arrayContaining(LIST_PUSHES),
      ),
    );
    const pushes = first.pushesSince(mark).map((e) => e.event);
    expect(pushes).not.toContain('heartbeatList');
    expect(pushes).not.toContain('info');
  });
});
