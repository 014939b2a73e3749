import { access } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DOWN, UP, type MonitorStatus } from '@watchpost/core';
import { recordBeats } from '@watchpost/core/db';
import { connectKumaTestClient, waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { KNOWN_CHROME_EXECUTABLES } from './host-programs.js';

// Spec §3.1 clearEvents / clearHeartbeats / clearStatistics and §3.9's miscellany, event by
// event, with DESIGN rule 1: Bob can clear nothing of Alice's and hears none of her pushes.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
let aMonitor: number;
let bMonitor: number;

const STAT_TABLES = ['stat_minutely', 'stat_hourly', 'stat_daily'] as const;

async function beat(tenantId: number, monitorId: number, status: MonitorStatus) {
  await recordBeats(ctx.db, [
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

describe('miscellaneous', () => {
  it("getGameList answers GameDig 4's whole catalogue, sorted by name", async () => {
    const { ok, gameList } = await a.call<{
      ok: boolean;
      gameList: { keys: string[]; pretty: string; options: Record<string, unknown> }[];
    }>('getGameList');
    expect(ok).toBe(true);
    expect(gameList).toHaveLength(291);
    const names = gameList.map((g) => g.pretty);
    expect(names).toEqual([...names].sort());
    expect(gameList.find((g) => g.keys[0] === 'minecraft')).toEqual({
      keys: ['minecraft', 'minecraftping'],
      pretty: 'Minecraft (2009)',
      options: { port: 25565, protocol: 'minecraft' },
      extra: {},
    });
    expect(gameList.find((g) => g.keys[0] === 'teamspeak3')).toMatchObject({
      options: { port: 9987, protocol: 'teamspeak3' },
      extra: { doc_notes: 'teamspeak3' },
    });
  });

  it('getDatabaseSize answers bytes and shrinkDatabase acks {ok}', async () => {
    const { ok, size } = await a.call<{ ok: boolean; size: number }>('getDatabaseSize');
    expect(ok).toBe(true);
    expect(size).toBeGreaterThan(0);
    expect(await a.call('shrinkDatabase')).toEqual({ ok: true });
  });

  it('testChrome finds a browser at the well-known paths, or says none is there', async () => {
    const installed = await Promise.all(
      KNOWN_CHROME_EXECUTABLES.map((path) =>
        access(path).then(
          () => true,
          () => false,
        ),
      ),
    );
    const reply = await a.call('testChrome', '');
    expect(reply).toEqual(
      installed.includes(true)
        ? { ok: true, msg: expect.stringMatching(/^Found Chromium\/Chrome\. Version: \d+\./) }
        : {
            ok: false,
            msg: 'Chromium not found, please specify Chromium executable path in the settings page.',
          },
    );
  });

  it('testChrome never runs a program a tenant names', async () => {
    expect(await a.call('testChrome', '/bin/sh')).toEqual({
      ok: false,
      msg: `Only these browser paths can be tested on this server: ${KNOWN_CHROME_EXECUTABLES.join(', ')}`,
    });
    expect(await a.call('testChrome', 5)).toEqual({
      ok: false,
      msg: 'The executable must be text.',
    });
  });

  it('checkApprise acks a bare boolean: false before login and without the binary', async () => {
    const stranger = await ctx.connect();
    expect(await stranger.callRaw('checkApprise')).toEqual([false]);
    // This machine has no apprise CLI.
    expect(await a.callRaw('checkApprise')).toEqual([false]);
  });

  it('disconnectOtherSocketClients refreshes and drops the user’s other sockets only', async () => {
    // On another API node: the sockets are found through the shared adapter.
    const other = await ctx.connect(await ctx.startNode());
    await other.login(alice);
    const stranger = await connectKumaTestClient(ctx.node.url);
    try {
      // The web UI sends it without an ack, and the server never acks it.
      a.socket.emit('disconnectOtherSocketClients');
      await waitFor(() => expect(other.socket.connected).toBe(false));
      expect(other.events.some((e) => e.event === 'refresh')).toBe(true);
      expect(a.socket.connected).toBe(true);
      expect(b.socket.connected).toBe(true);
      expect(stranger.socket.connected).toBe(true);
      expect(b.events.some((e) => e.event === 'refresh')).toBe(false);
      // Still serving the caller.
      expect(await a.call('getGameList')).toMatchObject({ ok: true });
    } finally {
      stranger.close();
    }
  });

  it('disconnectOtherSocketClients does nothing, and never acks, before login', async () => {
    const stranger = await ctx.connect();
    let acked = false;
    stranger.socket.emit('disconnectOtherSocketClients', () => {
      acked = true;
    });
    // One round trip on the same socket: the event before it has been handled.
    await stranger.call('needSetup');
    expect(acked).toBe(false);
    expect(a.socket.connected).toBe(true);
  });
});
