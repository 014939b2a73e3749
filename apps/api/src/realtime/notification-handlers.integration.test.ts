import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, waitFor, type FakeService } from '@watchpost/core/testing';
import { notificationRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

interface SaveAck {
  ok: boolean;
  msg: string;
  id: number;
}
type MonitorWire = Record<string, unknown> & { notificationIDList: Record<string, boolean> };
type ListItem = Record<string, unknown> & { id: number; config: string };

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
/** A second socket of the same tenant: room pushes must reach it too. */
let sibling: TestClient;
let fake: FakeService;

beforeAll(async () => {
  ctx = await createApiTestContext('notifications');
  user = await ctx.createUser('ops');
  client = await ctx.connect();
  await client.login(user);
  sibling = await ctx.connect();
  await sibling.login(user);
  fake = await startFakeService();
});
afterAll(async () => {
  await fake?.close();
  await ctx?.close();
});

/** What Python's add_notification sends for a webhook (docs/protocol/notifications.md, providers docs/protocol/notification-providers.md#saving-isdefault-and-applyexisting). */
function webhook(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'ops hook',
    type: 'webhook',
    isDefault: false,
    applyExisting: false,
    webhookURL: `${fake.url}/hook/s3cret`,
    webhookContentType: 'json',
    ...overrides,
  };
}

function latest<T>(c: TestClient, event: string): T {
  const push = c.events.filter((e) => e.event === event).at(-1);
  if (!push) throw new Error(`no ${event} push`);
  return push.args[0] as T;
}

/** Calls `event` and answers its ack and the names of what arrived since, in order. */
async function callAndCollect<T>(event: string, ...args: unknown[]) {
  const mark = client.events.length;
  const ack = await client.call<T>(event, ...args);
  return { ack, order: client.events.slice(mark).map((e) => e.event) };
}

async function save(notification: Record<string, unknown>, id: number | null = null) {
  const ack = await client.call<SaveAck>('addNotification', notification, id);
  expect(ack).toMatchObject({ ok: true });
  return ack.id;
}

async function addMonitor(overrides: Record<string, unknown> = {}): Promise<number> {
  const ack = await client.call<{ monitorID: number }>('add', httpMonitorPayload(overrides));
  return ack.monitorID;
}

async function getMonitor(id: number): Promise<MonitorWire> {
  return (await client.call<{ monitor: MonitorWire }>('getMonitor', id)).monitor;
}

const row = (id: number) =>
  ctx.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
const rowCount = async () =>
  (await ctx.db.selectFrom('notifications').select('id').execute()).length;

describe('addNotification (docs/protocol/notifications.md)', () => {
  it('creates, pushes notificationList to the room, then acks "Saved" with the id', async () => {
    const siblingMark = sibling.events.length;
    const { ack, order } = await callAndCollect<SaveAck>('addNotification', webhook(), null);
    expect(ack).toEqual({ ok: true, msg: 'Saved', id: expect.any(Number) });
    expect(order).toEqual(['notificationList', 'ack:addNotification']);
    await waitFor(() =>
      expect(sibling.pushesSince(siblingMark, 'notificationList')).toHaveLength(1),
    );

    const item = latest<ListItem[]>(client, 'notificationList').find((n) => n.id === ack.id);
    expect(item).toEqual({
      id: ack.id,
      name: 'ops hook',
      config: expect.any(String),
      active: true,
      userId: user.userId,
      isDefault: false,
    });
    expect(JSON.parse(item!.config)).toEqual(webhook());
    // Stored sealed (architecture rule 7); the repository opens it.
    expect(JSON.stringify((await row(ack.id))?.config)).not.toContain('s3cret');
    const stored = await notificationRepository.findNotification(ctx.db, user.tenantId, ack.id);
    expect(stored?.config).toEqual(webhook());
  });

  it('updates in place when given the id, keeping the echoed id and userId out of config', async () => {
    const id = await save(webhook({ name: 'before' }));
    // Python's edit_notification sends back the merged row and config with its changes.
    const merged = { ...webhook(), id, active: true, userId: user.userId, name: 'after' };
    const { ack, order } = await callAndCollect<SaveAck>('addNotification', merged, id);
    expect(ack).toEqual({ ok: true, msg: 'Saved', id });
    expect(order).toEqual(['notificationList', 'ack:addNotification']);
    const item = latest<ListItem[]>(client, 'notificationList').find((n) => n.id === id);
    expect(item).toMatchObject({ name: 'after' });
    expect(JSON.parse(item!.config)).toEqual({ ...webhook(), active: true, name: 'after' });
  });

  it('answers "notification not found" for an id it does not have, and changes nothing', async () => {
    const before = await rowCount();
    expect(await client.call('addNotification', webhook(), 999_999)).toEqual({
      ok: false,
      msg: 'notification not found',
    });
    expect(await rowCount()).toBe(before);
  });

  it('stores isDefault, and does not link it to a new monitor by itself (UI-side, docs/protocol/notification-providers.md#saving-isdefault-and-applyexisting)', async () => {
    const id = await save(webhook({ isDefault: true }));
    expect(latest<ListItem[]>(client, 'notificationList').find((n) => n.id === id)).toMatchObject({
      isDefault: true,
    });
    expect((await row(id))?.is_default).toBe(true);
    const monitorId = await addMonitor({ notificationIDList: {} });
    expect((await getMonitor(monitorId)).notificationIDList).toEqual({});
  });

  it('applyExisting links every monitor not yet linked and pushes monitorList before the ack', async () => {
    const m1 = await addMonitor({ name: 'm1' });
    const m2 = await addMonitor({ name: 'm2' });
    const { ack, order } = await callAndCollect<SaveAck>(
      'addNotification',
      webhook({ applyExisting: true }),
      null,
    );
    expect(order).toEqual(['notificationList', 'monitorList', 'ack:addNotification']);
    const list = latest<Record<string, MonitorWire>>(client, 'monitorList');
    for (const id of [m1, m2]) {
      expect(list[String(id)]?.notificationIDList).toMatchObject({ [String(ack.id)]: true });
    }
    // Saving again with applyExisting links nothing twice.
    await save(webhook({ applyExisting: true }), ack.id);
    expect(
      await ctx.db
        .selectFrom('monitor_notifications')
        .select('monitor_id')
        .where('notification_id', '=', ack.id)
        .execute(),
    ).toHaveLength(Object.keys(list).length);
  });

  it('refuses malformed payloads and ids with a clear message, changing nothing', async () => {
    const before = await rowCount();
    const cases: [unknown[], string][] = [
      [['not an object', null], 'Notification must be an object.'],
      [[[webhook()], null], 'Notification must be an object.'],
      [[webhook({ name: undefined }), null], 'Notification name is required.'],
      [[webhook({ name: '  ' }), null], 'Notification name is required.'],
      [[webhook({ type: 42 }), null], 'Notification type is required.'],
      [[webhook({ isDefault: 'yes' }), null], 'isDefault must be true or false.'],
      [[webhook({ applyExisting: {} }), null], 'applyExisting must be true or false.'],
      [[webhook({ body: 'x'.repeat(140_000) }), null], expect.stringContaining('too large')],
      [[webhook({ deep: nested(40) }), null], 'Notification settings are nested too deeply.'],
      [[webhook(), 'abc'], 'Invalid notification ID.'],
      [[webhook(), -3], 'Invalid notification ID.'],
      [[webhook(), 2 ** 40], 'Invalid notification ID.'],
      [[webhook(), { id: 1 }], 'Invalid notification ID.'],
    ];
    for (const [args, msg] of cases) {
      expect(await client.call('addNotification', ...args)).toEqual({ ok: false, msg });
    }
    expect(await rowCount()).toBe(before);
  });
});

describe('deleteNotification (docs/protocol/notifications.md)', () => {
  it('deletes with its links, pushes notificationList and monitorList, then acks "Deleted"', async () => {
    const id = await save(webhook({ name: 'doomed' }));
    const monitorId = await addMonitor({ notificationIDList: { [String(id)]: true } });
    const { ack, order } = await callAndCollect('deleteNotification', id);
    expect(ack).toEqual({ ok: true, msg: 'Deleted' });
    expect(order).toEqual(['notificationList', 'monitorList', 'ack:deleteNotification']);
    expect(latest<ListItem[]>(client, 'notificationList').map((n) => n.id)).not.toContain(id);
    expect(await row(id)).toBeUndefined();
    expect((await getMonitor(monitorId)).notificationIDList).toEqual({});
  });

  it('answers "notification not found" for a missing id and refuses malformed ones', async () => {
    expect(await client.call('deleteNotification', 999_999)).toEqual({
      ok: false,
      msg: 'notification not found',
    });
    for (const id of [null, 0, 'abc', {}, 1.5]) {
      expect(await client.call('deleteNotification', id)).toEqual({
        ok: false,
        msg: 'Invalid notification ID.',
      });
    }
  });

  it('accepts the id as numeric text, as the web UI sends route parameters', async () => {
    const id = await save(webhook());
    expect(await client.call('deleteNotification', String(id))).toEqual({
      ok: true,
      msg: 'Deleted',
    });
  });
});

describe('notificationIDList on monitors (docs/protocol/monitors.md, docs/protocol/monitors.md#monitor-object, docs/protocol/compatibility.md#field-names-that-differ)', () => {
  it('round-trips through add, getMonitor, monitorList and editMonitor', async () => {
    const n1 = await save(webhook({ name: 'n1' }));
    const n2 = await save(webhook({ name: 'n2' }));
    const n3 = await save(webhook({ name: 'n3' }));
    const list = { [String(n3)]: true, [String(n1)]: true, [String(n2)]: false, '999999': true };
    const monitorId = await addMonitor({ notificationIDList: list });

    const expected = { [String(n1)]: true, [String(n3)]: true };
    const monitor = await getMonitor(monitorId);
    expect(monitor.notificationIDList).toEqual(expected);
    // Python compares the keys positionally with the ids it sent: ascending order.
    expect(Object.keys(monitor.notificationIDList)).toEqual([String(n1), String(n3)]);
    const pushed = latest<Record<string, MonitorWire>>(client, 'monitorList');
    expect(pushed[String(monitorId)]?.notificationIDList).toEqual(expected);

    // Python's edit_monitor: the whole object back, notificationIDList re-encoded.
    const edited = { ...monitor, notificationIDList: { [String(n2)]: true } };
    expect(await client.call('editMonitor', edited)).toMatchObject({ ok: true, msg: 'Saved.' });
    expect((await getMonitor(monitorId)).notificationIDList).toEqual({ [String(n2)]: true });

    // editMonitor is a full overwrite: no list means no links.
    const { notificationIDList: _omitted, ...withoutList } = edited;
    await client.call('editMonitor', withoutList);
    expect((await getMonitor(monitorId)).notificationIDList).toEqual({});
  });

  it('shows the links in the login burst', async () => {
    const id = await save(webhook());
    const monitorId = await addMonitor({ notificationIDList: { [String(id)]: true } });
    const fresh = await ctx.connect();
    await fresh.login(user);
    const burst = latest<Record<string, MonitorWire>>(fresh, 'monitorList');
    expect(burst[String(monitorId)]?.notificationIDList).toEqual({ [String(id)]: true });
    const notifications = latest<ListItem[]>(fresh, 'notificationList');
    expect(notifications.map((n) => n.id)).toContain(id);
  });
});

describe('testNotification (docs/protocol/notifications.md)', () => {
  it('sends "<name> Testing" through the provider and acks its success text', async () => {
    const before = await rowCount();
    const mark = fake.requests.length;
    expect(await client.call('testNotification', webhook({ name: 'Pager' }))).toEqual({
      ok: true,
      msg: 'Sent Successfully.',
    });
    const [request] = fake.requests.slice(mark);
    expect(request).toMatchObject({ method: 'POST', url: '/hook/s3cret' });
    expect(request?.json).toEqual({ heartbeat: null, monitor: null, msg: 'Pager Testing' });
    expect(await rowCount()).toBe(before);
  });

  it('acks the provider’s error text when the service fails', async () => {
    fake.replyWith({ status: 500, body: 'oops' });
    expect(await client.call('testNotification', webhook())).toEqual({
      ok: false,
      msg: 'Error: AxiosError: Request failed with status code 500 oops',
    });
  });

  it('answers "Notification type is not supported" for a type without a provider', async () => {
    const mark = fake.requests.length;
    for (const type of ['carrier-pigeon', 'Webhook', undefined, 7]) {
      expect(await client.call('testNotification', webhook({ type }))).toEqual({
        ok: false,
        msg: 'Notification type is not supported',
      });
    }
    expect(fake.requests.length).toBe(mark);
  });

  it('refuses a payload that is not a notification object', async () => {
    for (const payload of [null, 'webhook', [webhook()], webhook({ deep: nested(40) })]) {
      expect(await client.call('testNotification', payload)).toMatchObject({ ok: false });
    }
  });
});

describe('access', () => {
  it('answers every notification event with "You are not logged in." before login', async () => {
    const anonymous = await ctx.connect();
    const calls: [string, ...unknown[]][] = [
      ['addNotification', webhook(), null],
      ['deleteNotification', 1],
      ['testNotification', webhook()],
    ];
    const mark = fake.requests.length;
    for (const [event, ...args] of calls) {
      expect(await anonymous.call(event, ...args)).toEqual({
        ok: false,
        msg: 'You are not logged in.',
      });
    }
    expect(fake.requests.length).toBe(mark);
    expect(anonymous.events.some((e) => e.event === 'notificationList')).toBe(false);
  });
});

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
