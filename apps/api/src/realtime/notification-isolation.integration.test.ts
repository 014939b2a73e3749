import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UP } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import { deliveryRepository } from '@watchpost/core/notifications';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import { startFakeService, waitFor, type FakeService } from '@watchpost/core/testing';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// architecture rule 1 for notifications: a notification id of tenant A never reveals, changes,
// sends or links anything for tenant B, and A's configs (which hold provider secrets) never
// reach B's sockets.

const ALICE_SECRET = 'alice-s3cret-token';

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
/** Bob on a second API node: rooms span nodes, so isolation must too. */
let bOnOtherNode: TestClient;
let fake: FakeService;
let aNotification: number;
let aMonitor: number;

function webhook(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'hook',
    type: 'webhook',
    isDefault: false,
    applyExisting: false,
    webhookURL: `${fake.url}/${ALICE_SECRET}`,
    webhookContentType: 'json',
    ...overrides,
  };
}

const notificationRow = (id: number) =>
  ctx.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
const linksOf = (monitorId: number) =>
  ctx.db
    .selectFrom('monitor_notifications')
    .select('notification_id')
    .where('monitor_id', '=', monitorId)
    .execute();

/** Waits until a marker sent to Bob's room after everything else reached both his sockets. */
async function syncBob(marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(bob.tenantId, 'avgPing', marker, null);
  const hasMarker = (c: TestClient) =>
    c.events.some((e) => e.event === 'avgPing' && e.args[0] === marker);
  await waitFor(() => {
    expect(hasMarker(b)).toBe(true);
    expect(hasMarker(bOnOtherNode)).toBe(true);
  });
}

beforeAll(async () => {
  ctx = await createApiTestContext('notification-isolation');
  fake = await startFakeService();
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  bOnOtherNode = await ctx.connect(await ctx.startNode());
  await bOnOtherNode.login(bob);
  aNotification = (await a.call<{ id: number }>('addNotification', webhook(), null)).id;
  aMonitor = (await a.call<{ monitorID: number }>('add', httpMonitorPayload({ name: 'a' })))
    .monitorID;
});
afterAll(async () => {
  await fake?.close();
  await ctx?.close();
});

describe('notifications across tenants', () => {
  it('refuses to change or delete another tenant’s notification, like a missing one', async () => {
    const before = await notificationRow(aNotification);
    const notFound = { ok: false, msg: 'notification not found' };
    expect(await b.call('addNotification', webhook({ name: 'hijacked' }), aNotification)).toEqual(
      notFound,
    );
    expect(await b.call('deleteNotification', aNotification)).toEqual(notFound);
    expect(await b.call('deleteNotification', 999_999)).toEqual(notFound);
    expect(await notificationRow(aNotification)).toEqual(before);
  });

  it('does not link another tenant’s notification to a monitor, on add or edit', async () => {
    const list = { [String(aNotification)]: true };
    const added = await b.call<{ monitorID: number }>(
      'add',
      httpMonitorPayload({ name: 'b', notificationIDList: list }),
    );
    const bMonitor = added.monitorID;
    expect(await linksOf(bMonitor)).toEqual([]);
    const edit = httpMonitorPayload({ id: bMonitor, name: 'b', notificationIDList: list });
    expect(await b.call('editMonitor', edit)).toMatchObject({ ok: true });
    expect(await linksOf(bMonitor)).toEqual([]);
    const { monitor } = await b.call<{ monitor: { notificationIDList: object } }>(
      'getMonitor',
      bMonitor,
    );
    expect(monitor.notificationIDList).toEqual({});
  });

  it('applies applyExisting to the saving tenant’s monitors only', async () => {
    const bMonitor = (await b.call<{ monitorID: number }>('add', httpMonitorPayload({ name: 'c' })))
      .monitorID;
    const { id } = await a.call<{ id: number }>(
      'addNotification',
      webhook({ applyExisting: true }),
      null,
    );
    expect(await linksOf(aMonitor)).toContainEqual({ notification_id: id });
    expect(await linksOf(bMonitor)).toEqual([]);
  });

  it('cannot make the server send through another tenant’s saved config', async () => {
    const mark = fake.requests.length;
    // testNotification takes the config itself, never an id: there is nothing to point at.
    expect(await b.call('testNotification', aNotification)).toMatchObject({ ok: false });
    expect(await b.call('testNotification', { id: aNotification })).toEqual({
      ok: false,
      msg: 'Notification type is not supported',
    });
    expect(fake.requests.length).toBe(mark);
  });

  it('never lists or pushes another tenant’s notifications, across nodes', async () => {
    await syncBob(-1);
    const bMark = b.events.length;
    const bOtherMark = bOnOtherNode.events.length;

    const { id } = await a.call<{ id: number }>('addNotification', webhook(), null);
    await a.call('addNotification', webhook({ name: 'edited', applyExisting: true }), id);
    await a.call('deleteNotification', id);
    await a.call('testNotification', webhook());

    await syncBob(-2);
    expect(b.pushesSince(bMark).map((e) => e.event)).toEqual(['avgPing']);
    expect(bOnOtherNode.pushesSince(bOtherMark).map((e) => e.event)).toEqual(['avgPing']);

    // A fresh login of Bob sees only his own list.
    const fresh = await ctx.connect();
    await fresh.login(bob);
    const lists = fresh.events.filter((e) => e.event === 'notificationList');
    expect(lists.map((e) => e.args)).toEqual([[[]]]);
    for (const client of [b, bOnOtherNode, fresh]) {
      expect(JSON.stringify(client.events)).not.toContain(ALICE_SECRET);
    }
    // Alice's own sockets do get her secrets back, as upstream sends them.
    expect(JSON.stringify(a.events)).toContain(ALICE_SECRET);
  });

  it('shows each tenant only its own delivery record', async () => {
    await a.call('editMonitor', {
      ...(await a.call<{ monitor: Record<string, unknown> }>('getMonitor', aMonitor)).monitor,
      notificationIDList: { [aNotification]: true },
    });
    await heartbeatRepository.recordBeats(ctx.db, [
      {
        tenantId: alice.tenantId,
        monitorId: aMonitor,
        status: UP,
        msg: '200 - OK',
        time: new Date(),
        pingMs: 5,
        durationSec: 1,
        downCount: 0,
        important: true,
        retries: 0,
        nextDueAt: null,
        notify: true,
      },
    ]);
    const mine = await a.call<{ ok: boolean; deliveries: Record<string, unknown>[] }>(
      'getNotificationDeliveries',
    );
    expect(mine.ok).toBe(true);
    expect(mine.deliveries[0]).toMatchObject({
      kind: 'beat',
      status: 'pending',
      notificationId: aNotification,
      tries: [],
    });
    // A failed attempt whose text quotes Alice's webhook URL stays hers, on every node.
    await deliveryRepository.recordDeliveryAttempt(ctx.db, {
      deliveryId: mine.deliveries[0]!.id as number,
      tenantId: alice.tenantId,
      provider: 'webhook',
      attemptedAt: new Date(),
      durationMs: 3,
      error: `Error: AxiosError: Request failed with status code 404 {"path":"/${ALICE_SECRET}"}`,
      retryAt: null,
    });
    const after = await a.call<{ deliveries: { lastError: string }[] }>(
      'getNotificationDeliveries',
    );
    expect(after.deliveries[0]!.lastError).toContain(ALICE_SECRET);
    for (const client of [b, bOnOtherNode]) {
      expect(await client.call('getNotificationDeliveries')).toEqual({ ok: true, deliveries: [] });
      expect(JSON.stringify(client.events)).not.toContain(ALICE_SECRET);
    }
  });
});
