import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOWN, UP, type MonitorStatus } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/monitors.md clearEvents / clearHeartbeats / clearStatistics and docs/protocol/settings.md's database size, event
// by event, with architecture rule 1: Bob can clear nothing of Alice's and hears none of her pushes.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
let aMonitor: number;
let bMonitor: number;

const STAT_TABLES = ['stat_minutely', 'stat_hourly', 'stat_daily'] as const;

async function beat(tenantId: number, monitorId: number, status: MonitorStatus) {
  await heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId,
      monitorId,
      status,
      msg: 'went down',
      time: new Date(),
      pingMs: 5,
      durationSec: 0,
      downCount: 0,
      important: true,
      retries: 0,
      nextDueAt: null,
    },
  ]);
}

const beatsOf = (monitorId: number) =>
  ctx.db
    .selectFrom('heartbeats')
    .select(['msg', 'important', 'status'])
    .where('monitor_id', '=', monitorId)
    .execute();

async function statRowsOf(monitorId: number): Promise<number> {
  let total = 0;
  for (const table of STAT_TABLES) {
    total += (
      await ctx.db.selectFrom(table).select('bucket').where('monitor_id', '=', monitorId).execute()
    ).length;
  }
  return total;
}

async function callAndWatch(client: TestClient, event: string, ...args: unknown[]) {
  const from = client.events.length;
  const reply = await client.call<Record<string, unknown>>(event, ...args);
  return { reply, pushes: client.pushesSince(from) };
}

beforeAll(async () => {
  ctx = await createApiTestContext('data-handlers');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  aMonitor = await insertMonitor(ctx.db, alice.tenantId, {}, false);
  bMonitor = await insertMonitor(ctx.db, bob.tenantId, {}, false);
});
afterAll(async () => ctx?.close());

beforeEach(async () => {
  await beat(alice.tenantId, aMonitor, DOWN);
  await beat(bob.tenantId, bMonitor, UP);
});

describe('clearing history', () => {
  it('clearEvents: blanks msg and importance, pushes the emptied list, then acks {ok}', async () => {
    const { reply, pushes } = await callAndWatch(a, 'clearEvents', aMonitor);
    expect(reply).toEqual({ ok: true });
    expect(pushes.map((e) => [e.event, ...e.args])).toEqual([
      ['importantHeartbeatList', aMonitor, [], true],
      ['ack:clearEvents', { ok: true }],
    ]);
    expect((await beatsOf(aMonitor)).every((r) => r.msg === '' && !r.important)).toBe(true);
  });

  it('clearHeartbeats: removes beats and their aggregates, pushes heartbeatList, then acks', async () => {
    expect(await statRowsOf(aMonitor)).toBeGreaterThan(0);
    const { reply, pushes } = await callAndWatch(a, 'clearHeartbeats', aMonitor);
    expect(reply).toEqual({ ok: true });
    expect(pushes.map((e) => [e.event, ...e.args])).toEqual([
      ['heartbeatList', aMonitor, [], true],
      ['ack:clearHeartbeats', { ok: true }],
    ]);
    expect(await beatsOf(aMonitor)).toEqual([]);
    expect(await statRowsOf(aMonitor)).toBe(0);
    expect(await a.call('getMonitorBeats', aMonitor, 24)).toEqual({ ok: true, data: [] });
  });

  it('clearStatistics: every beat and aggregate of the tenant, no push', async () => {
    const { reply, pushes } = await callAndWatch(a, 'clearStatistics');
    expect(reply).toEqual({ ok: true });
    expect(pushes.map((e) => e.event)).toEqual(['ack:clearStatistics']);
    expect(await beatsOf(aMonitor)).toEqual([]);
    expect(await statRowsOf(aMonitor)).toBe(0);
    expect((await beatsOf(bMonitor)).length).toBeGreaterThan(0);
  });

  it('refuses unknown ids and lets Bob clear nothing of Alice’s, nor hear her pushes', async () => {
    const bobFrom = b.events.length;
    const before = await beatsOf(aMonitor);
    const stats = await statRowsOf(aMonitor);
    const notFound = { ok: false, msg: 'Monitor not found.' };
    expect(await b.call('clearEvents', aMonitor)).toEqual(notFound);
    expect(await b.call('clearHeartbeats', aMonitor)).toEqual(notFound);
    expect(await b.call('clearStatistics')).toEqual({ ok: true });
    expect(await a.call('clearEvents', 999_999)).toEqual(notFound);
    expect(await a.call('clearHeartbeats', 'abc')).toMatchObject({ ok: false });
    expect(await beatsOf(aMonitor)).toEqual(before);
    expect(await statRowsOf(aMonitor)).toBe(stats);

    await a.call('clearEvents', aMonitor);
    // Bob's own clearHeartbeats is pushed after Alice's: once it arrives, hers would have too.
    await b.call('clearHeartbeats', bMonitor);
    await b.waitFor('heartbeatList', { includePast: true, match: (args) => args[0] === bMonitor });
    const bobPushes = b.pushesSince(bobFrom).filter((e) => !e.event.startsWith('ack:'));
    expect(bobPushes.map((e) => [e.event, e.args[0]])).toEqual([['heartbeatList', bMonitor]]);
  });
});

describe('database size', () => {
  it('getDatabaseSize answers bytes and shrinkDatabase acks {ok}', async () => {
    const { ok, size } = await a.call<{ ok: boolean; size: number }>('getDatabaseSize');
    expect(ok).toBe(true);
    expect(size).toBeGreaterThan(0);
    expect(await a.call('shrinkDatabase')).toEqual({ ok: true });
  });
});
