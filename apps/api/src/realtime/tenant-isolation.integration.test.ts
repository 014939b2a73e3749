import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { toHeartbeatJson, UP } from '@watchpost/core';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// architecture rule 1: a monitor id of tenant A never reveals or changes anything of tenant B.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
/** Bob on a second API node: rooms span nodes, so isolation must too. */
let bOnOtherNode: TestClient;
let aMonitor: number;

async function monitorRow(id: number) {
  return ctx.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
}

beforeAll(async () => {
  ctx = await createApiTestContext('isolation');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  bOnOtherNode = await ctx.connect(await ctx.startNode());
  await bOnOtherNode.login(bob);
  const ack = (await a.call('add', httpMonitorPayload({ name: 'alice-only' }))) as {
    monitorID: number;
  };
  aMonitor = ack.monitorID;
});
afterAll(async () => ctx?.close());

/**
 * Sends a marker to Bob's room through the Redis emitter and waits until both of Bob's
 * sockets have it: pushes sent before it have then arrived too.
 */
async function syncBob(marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(bob.tenantId, 'avgPing', marker, null);
  const hasMarker = (c: TestClient) =>
    c.events.some((e) => e.event === 'avgPing' && e.args[0] === marker);
  await waitFor(() => {
    expect(hasMarker(b)).toBe(true);
    expect(hasMarker(bOnOtherNode)).toBe(true);
  });
}

describe('tenant isolation', () => {
  it('answers getMonitor of another tenant’s id exactly like a missing id', async () => {
    const foreign = await b.call('getMonitor', aMonitor);
    const missing = await b.call('getMonitor', 999_999);
    expect(foreign).toEqual({ ok: false, msg: expect.any(String) });
    expect(foreign).toEqual(missing);
  });

  it('refuses to edit, pause, resume or delete another tenant’s monitor', async () => {
    const before = await monitorRow(aMonitor);
    const payload = httpMonitorPayload({ id: aMonitor, name: 'hijacked' });
    expect(await b.call('editMonitor', payload)).toEqual({
      ok: false,
      msg: 'Permission denied.',
    });
    expect(await b.call('pauseMonitor', aMonitor)).toEqual({
      ok: false,
      msg: 'You do not own this monitor.',
    });
    expect(await b.call('resumeMonitor', aMonitor)).toEqual({
      ok: false,
      msg: 'You do not own this monitor.',
    });
    expect(await b.call('deleteMonitor', aMonitor)).toMatchObject({ ok: false });
    expect(await b.call('getMonitorBeats', aMonitor, 24)).toMatchObject({ ok: false });
    expect(await monitorRow(aMonitor)).toEqual(before);
  });

  it('refuses another tenant’s group as parent', async () => {
    const group = (await a.call(
      'add',
      httpMonitorPayload({ type: 'group', name: 'alice-group', url: null }),
    )) as { monitorID: number };
    expect(await b.call('add', httpMonitorPayload({ parent: group.monitorID }))).toEqual({
      ok: false,
      msg: 'Invalid Monitor Group',
      field: 'parent',
    });
  });

  it('never shows another tenant’s monitors in monitorList', async () => {
    await b.call('add', httpMonitorPayload({ name: 'bob-only' }));
    await b.call('getMonitorList');
    for (const push of b.events.filter((e) => e.event === 'monitorList')) {
      const names = Object.values(push.args[0] as Record<string, { name: string }>).map(
        (m) => m.name,
      );
      expect(names).not.toContain('alice-only');
    }
  });

  it('delivers a tenant’s pushes to its own sockets only, across nodes', async () => {
    // Bob's own earlier pushes may still be on their way to the other node.
    await syncBob(-1);
    const bMark = b.events.length;
    const bOtherMark = bOnOtherNode.events.length;
    const aMark = a.events.length;

    // A change by Alice: pushes to her room, from this node.
    await a.call('pauseMonitor', aMonitor);
    await a.call('resumeMonitor', aMonitor);
    await a.call('getMonitorList');
    // A worker's heartbeat for Alice, through the Redis emitter.
    const events = createRedisTenantEvents(ctx.redis(), ctx.redisPrefix);
    const beat = toHeartbeatJson({
      monitorId: aMonitor,
      status: UP,
      msg: 'OK',
      time: new Date(),
      pingMs: 12,
      durationSec: 20,
      downCount: 0,
      important: true,
    });
    events.emit(alice.tenantId, 'heartbeat', beat);
    events.emit(alice.tenantId, 'avgPing', aMonitor, 12);

    await waitFor(() => expect(a.pushesSince(aMark, 'avgPing')).toHaveLength(1));
    expect(a.pushesSince(aMark, 'heartbeat').map((e) => e.args)).toEqual([[beat]]);
    expect(a.pushesSince(aMark, 'monitorList')).toHaveLength(3);

    // A marker for Bob, sent after Alice's pushes through the same channel: once it has
    // arrived, anything of Alice's that were going to leak would have arrived too.
    await syncBob(-2);
    expect(b.pushesSince(bMark).map((e) => e.event)).toEqual(['avgPing']);
    expect(bOnOtherNode.pushesSince(bOtherMark).map((e) => e.event)).toEqual(['avgPing']);
  });

  it('moves a socket that logs in as another user out of the previous tenant’s room', async () => {
    const switcher = await ctx.connect();
    await switcher.login(alice);
    await switcher.login(bob);
    const mark = switcher.events.length;
    await a.call('getMonitorList');
    const events = createRedisTenantEvents(ctx.redis(), ctx.redisPrefix);
    events.emit(bob.tenantId, 'avgPing', 0, null);
    await waitFor(() => expect(switcher.pushesSince(mark, 'avgPing')).toHaveLength(1));
    expect(switcher.pushesSince(mark, 'monitorList')).toEqual([]);
  });
});
