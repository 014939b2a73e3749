import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, UP, type MonitorStatus, type TlsInfo } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/monitors.md#the-monitor-pages-events and #field-hints, with architecture rule 1:
// Bob reads nothing of Alice's monitor through them.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
let aMonitor: number;
let bMonitor: number;

const MINUTE_MS = 60_000;

const TLS: TlsInfo = {
  valid: true,
  certInfo: {
    subject: { CN: 'example.test' },
    issuer: { CN: 'Test CA' },
    subjectaltname: 'DNS:example.test',
    valid_from: 'Jan  1 00:00:00 2026 GMT',
    valid_to: 'Jan  1 00:00:00 2027 GMT',
    fingerprint: 'AA',
    fingerprint256: 'BB',
    serialNumber: '01',
    validTo: '2027-01-01T00:00:00.000Z',
    validFor: ['example.test'],
    daysRemaining: 25,
    certType: 'server',
    issuerCertificate: null,
  },
};

async function beat(
  tenantId: number,
  monitorId: number,
  status: MonitorStatus,
  minutesAgo: number,
  extra: { important?: boolean; pingMs?: number; tls?: TlsInfo } = {},
) {
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId,
      monitorId,
      status,
      msg: `beat ${minutesAgo} minutes ago`,
      time: new Date(Date.now() - minutesAgo * MINUTE_MS),
      pingMs: extra.pingMs ?? 10,
      durationSec: 60,
      downCount: 0,
      important: extra.important ?? false,
      retries: 0,
      nextDueAt: null,
      tls: extra.tls,
    },
  ]);
}

beforeAll(async () => {
  ctx = await createApiTestContext('monitor-page');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  aMonitor = await insertMonitor(ctx.db, alice.tenantId, {}, false);
  bMonitor = await insertMonitor(ctx.db, bob.tenantId, {}, false);
  // Oldest first, so the state row ends on the newest beat (UP, with TLS facts).
  await beat(alice.tenantId, aMonitor, DOWN, 30, { important: true, pingMs: 30 });
  await beat(alice.tenantId, aMonitor, UP, 20, { important: true, pingMs: 10 });
  await beat(alice.tenantId, aMonitor, UP, 10, { pingMs: 20 });
  await beat(alice.tenantId, aMonitor, DOWN, 5, { important: true, pingMs: 40 });
  await beat(alice.tenantId, aMonitor, UP, 1, { important: true, pingMs: 20, tls: TLS });
  await beat(bob.tenantId, bMonitor, UP, 1, { important: true });
});
afterAll(async () => ctx?.close());

interface ChartAck {
  ok: boolean;
  data: { timestamp: number; up: number; down: number; avgPing: number | null }[];
}

describe('getMonitorChartData', () => {
  it('answers the minute buckets of a day, oldest first, from the aggregates', async () => {
    const { ok, data } = await a.call<ChartAck>('getMonitorChartData', aMonitor, 24);
    expect(ok).toBe(true);
    expect(data).toHaveLength(5);
    expect(data.map((p) => [p.up, p.down, p.avgPing])).toEqual([
      [0, 1, 30],
      [1, 0, 10],
      [1, 0, 20],
      [0, 1, 40],
      [1, 0, 20],
    ]);
    const times = data.map((p) => p.timestamp);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(times[0]).toBeGreaterThan(Date.now() / 1000 - 31 * 60);
  });

  it('reads hour buckets for a week: every beat of the last hour adds up in one or two', async () => {
    const { data } = await a.call<ChartAck>('getMonitorChartData', aMonitor, 168);
    expect(data.length).toBeGreaterThanOrEqual(1);
    expect(data.length).toBeLessThanOrEqual(2);
    const sum = data.reduce((t, p) => ({ up: t.up + p.up, down: t.down + p.down }), {
      up: 0,
      down: 0,
    });
    expect(sum).toEqual({ up: 3, down: 2 });
  });

  it('refuses a bad period and changes nothing', async () => {
    expect(await a.call('getMonitorChartData', aMonitor, 0)).toEqual({
      ok: false,
      msg: 'Invalid period.',
    });
    expect(await a.call('getMonitorChartData', aMonitor, 9000)).toEqual({
      ok: false,
      msg: 'Invalid period.',
    });
  });
});

describe('getMonitorStats', () => {
  it('answers uptime for 24 h, 30 d and a year, the average ping and the certificate', async () => {
    const { certInfo, ...stats } = await a.call<{ certInfo: string }>('getMonitorStats', aMonitor);
    expect(stats).toEqual({
      ok: true,
      uptime: { '24': 0.6, '720': 0.6, '8760': 0.6 },
      avgPing: 24,
    });
    // certInfo is JSON text (docs/protocol/compatibility.md#json-inside-strings); jsonb keeps no key order.
    expect(JSON.parse(certInfo)).toEqual(TLS);
  });

  it('answers the fallback uptime and no certificate for a monitor without beats', async () => {
    const quiet = await insertMonitor(ctx.db, alice.tenantId, { name: 'quiet' }, false);
    expect(await a.call('getMonitorStats', quiet)).toEqual({
      ok: true,
      uptime: { '24': 0, '720': 0, '8760': 0 },
      avgPing: null,
      certInfo: null,
    });
  });
});

describe('important events, paged', () => {
  it('counts the important beats and pages them newest first', async () => {
    expect(await a.call('monitorImportantHeartbeatListCount', aMonitor)).toEqual({
      ok: true,
      count: 4,
    });
    const first = await a.call<{ data: { msg: string; important: number; monitorID: number }[] }>(
      'monitorImportantHeartbeatListPaged',
      aMonitor,
      0,
      3,
    );
    expect(first.data.map((e) => e.msg)).toEqual([
      'beat 1 minutes ago',
      'beat 5 minutes ago',
      'beat 20 minutes ago',
    ]);
    expect(first.data[0]).toMatchObject({ monitorID: aMonitor, important: 1, status: UP });
    const second = await a.call<{ data: { msg: string }[] }>(
      'monitorImportantHeartbeatListPaged',
      aMonitor,
      3,
      3,
    );
    expect(second.data.map((e) => e.msg)).toEqual(['beat 30 minutes ago']);
  });

  it('refuses pages it cannot read', async () => {
    const invalid = { ok: false, msg: 'Invalid page.' };
    expect(await a.call('monitorImportantHeartbeatListPaged', aMonitor, -1, 10)).toEqual(invalid);
    expect(await a.call('monitorImportantHeartbeatListPaged', aMonitor, 0, 0)).toEqual(invalid);
    expect(await a.call('monitorImportantHeartbeatListPaged', aMonitor, 0, 101)).toEqual(invalid);
  });
});

describe('tenant isolation', () => {
  it('lets Bob read nothing of Alice’s monitor, as if it did not exist', async () => {
    const notFound = { ok: false, msg: 'Monitor not found.' };
    expect(await b.call('getMonitorChartData', aMonitor, 24)).toEqual(notFound);
    expect(await b.call('getMonitorStats', aMonitor)).toEqual(notFound);
    expect(await b.call('monitorImportantHeartbeatListCount', aMonitor)).toEqual(notFound);
    expect(await b.call('monitorImportantHeartbeatListPaged', aMonitor, 0, 10)).toEqual(notFound);
    expect(await b.call('monitorImportantHeartbeatListCount', bMonitor)).toEqual({
      ok: true,
      count: 1,
    });
  });
});

describe('field hints', () => {
  it('names the field a refused monitor input is about', async () => {
    expect(await a.call('add', httpMonitorPayload({ url: 'not a url' }))).toEqual({
      ok: false,
      msg: 'Invalid URL',
      field: 'url',
    });
    expect(await a.call('add', httpMonitorPayload({ interval: 5 }))).toEqual({
      ok: false,
      msg: 'Interval cannot be less than 20 seconds',
      field: 'interval',
    });
    expect(await a.call('add', httpMonitorPayload({ parent: aMonitor }))).toEqual({
      ok: false,
      msg: 'Invalid Monitor Group',
      field: 'parent',
    });
  });

  it('leaves the hint out when no field is to blame', async () => {
    expect(await a.call('pauseMonitor', 999_999)).toEqual({
      ok: false,
      msg: 'You do not own this monitor.',
    });
  });
});
