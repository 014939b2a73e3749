import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { UP } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

type MonitorWire = Record<string, unknown> & { id: number };
type Ack = Record<string, unknown>;

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
/** A second socket of the same tenant: room pushes must reach it too. */
let sibling: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('monitors');
  user = await ctx.createUser('ops');
  client = await ctx.connect();
  await client.login(user);
  sibling = await ctx.connect();
  await sibling.login(user);
});
afterAll(async () => ctx?.close());

/** Calls `event` and answers its ack and the pushes that arrived since, in order. */
async function callAndCollect(event: string, ...args: unknown[]) {
  const mark = client.events.length;
  const ack = (await client.call(event, ...args)) as Ack;
  return { ack, mark, events: () => client.events.slice(mark) };
}

function lastMonitorList(c: TestClient, since = 0): Record<string, MonitorWire> {
  const pushes = c.pushesSince(since, 'monitorList');
  const last = pushes.at(-1);
  if (!last) throw new Error('no monitorList push');
  return last.args[0] as Record<string, MonitorWire>;
}

async function addMonitor(overrides: Record<string, unknown> = {}): Promise<number> {
  const ack = (await client.call('add', httpMonitorPayload(overrides))) as Ack;
  expect(ack).toMatchObject({ ok: true });
  return ack.monitorID as number;
}

async function getMonitor(id: number): Promise<MonitorWire> {
  const ack = (await client.call('getMonitor', id)) as Ack;
  expect(ack.ok).toBe(true);
  return ack.monitor as MonitorWire;
}

describe('add (docs/protocol/monitors.md)', () => {
  it('pushes monitorList to the room before acking "Added Successfully." with the new id', async () => {
    const siblingMark = sibling.events.length;
    const { ack, events } = await callAndCollect('add', httpMonitorPayload({ name: 'shop' }));
    expect(ack).toEqual({ ok: true, msg: 'Added Successfully.', monitorID: expect.any(Number) });
    const names = events().map((e) => e.event);
    expect(names.indexOf('monitorList')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('monitorList')).toBeLessThan(names.indexOf('ack:add'));
    const id = ack.monitorID as number;
    expect(lastMonitorList(client, 0)[String(id)]).toMatchObject({ id, name: 'shop' });
    await waitFor(() => expect(lastMonitorList(sibling, siblingMark)[String(id)]).toBeDefined());
  });

  it('stores what the Python client sends and returns it through getMonitor', async () => {
    const id = await addMonitor({
      name: 'api',
      description: 'public API',
      url: 'https://api.example.com/health',
      method: 'post',
      interval: 90,
      retryInterval: 30,
      maxretries: 3,
      timeout: 30,
      headers: '{"x-probe":"1"}',
      body: '{"ping":true}',
      accepted_statuscodes: ['200-299', '418'],
      basic_auth_user: 'probe',
      basic_auth_pass: 'hunter2',
      authMethod: 'basic',
      mqttTopic: 'kept/verbatim',
    });
    expect(await getMonitor(id)).toMatchObject({
      id,
      name: 'api',
      description: 'public API',
      pathName: 'api',
      type: 'http',
      url: 'https://api.example.com/health',
      method: 'POST',
      interval: 90,
      retryInterval: 30,
      maxretries: 3,
      timeout: 30,
      headers: '{"x-probe":"1"}',
      body: '{"ping":true}',
      accepted_statuscodes: ['200-299', '418'],
      basic_auth_user: 'probe',
      basic_auth_pass: 'hunter2',
      authMethod: 'basic',
      mqttTopic: 'kept/verbatim',
      active: true,
      forceInactive: false,
      parent: null,
      childrenIDs: [],
      notificationIDList: {},
      tags: [],
      maintenance: false,
      includeSensitiveData: true,
    });
  });

  it('creates a paused monitor when active is false', async () => {
    const id = await addMonitor({ name: 'later', active: false });
    expect(await getMonitor(id)).toMatchObject({ active: false });
  });

  it('answers Kuma’s interval message for an interval under 20 seconds', async () => {
    expect(await client.call('add', httpMonitorPayload({ interval: 5 }))).toEqual({
      ok: false,
      msg: 'Interval cannot be less than 20 seconds',
      field: 'interval',
    });
  });

  it('refuses a parent that is not a group of this tenant with "Invalid Monitor Group"', async () => {
    const plain = await addMonitor({ name: 'plain' });
    for (const parent of [plain, 999_999]) {
      expect(await client.call('add', httpMonitorPayload({ parent }))).toEqual({
        ok: false,
        msg: 'Invalid Monitor Group',
        field: 'parent',
      });
    }
  });

  it('places a monitor in a group with pathName and childrenIDs', async () => {
    const group = await addMonitor({ type: 'group', name: 'Group A', url: null });
    const web = await addMonitor({ name: 'Web', parent: group });
    const inner = await addMonitor({ type: 'group', name: 'Inner', url: null, parent: group });
    const leaf = await addMonitor({ name: 'Leaf', parent: inner });
    const list = lastMonitorList(client);
    expect(list[String(web)]).toMatchObject({ parent: group, pathName: 'Group A / Web' });
    expect(list[String(leaf)]).toMatchObject({ pathName: 'Group A / Inner / Leaf' });
    expect(list[String(group)]?.childrenIDs).toEqual([web, inner, leaf]);
    expect(list[String(inner)]?.childrenIDs).toEqual([leaf]);
  });
  it('refuses a push token another monitor already uses', async () => {
    const push = { type: 'push', url: null, pushToken: 'Tok3nInUse' };
    await addMonitor({ ...push, name: 'first push' });
    expect(await client.call('add', httpMonitorPayload({ ...push, name: 'copy' }))).toEqual({
      ok: false,
      msg: 'This push token is already in use.',
      field: 'pushToken',
    });
    const other = await addMonitor({
      type: 'push',
      url: null,
      pushToken: 'AnotherOne',
      name: 'p2',
    });
    const monitor = await getMonitor(other);
    expect(await client.call('editMonitor', { ...monitor, pushToken: 'Tok3nInUse' })).toEqual({
      ok: false,
      msg: 'This push token is already in use.',
      field: 'pushToken',
    });
  });
});

describe('editMonitor (docs/protocol/monitors.md)', () => {
  it('saves the object getMonitor returned, with changes, pushing monitorList before the ack', async () => {
    const id = await addMonitor({ name: 'before' });
    const monitor = await getMonitor(id);
    const { ack, events } = await callAndCollect('editMonitor', {
      ...monitor,
      name: 'after',
      interval: 120,
      notificationIDList: {},
    });
    expect(ack).toEqual({ ok: true, msg: 'Saved.', monitorID: id });
    const names = events().map((e) => e.event);
    expect(names.indexOf('monitorList')).toBeLessThan(names.indexOf('ack:editMonitor'));
    expect(lastMonitorList(client)[String(id)]).toMatchObject({ name: 'after', interval: 120 });
    expect(await getMonitor(id)).toMatchObject({ name: 'after', interval: 120, url: monitor.url });
  });

  it('overwrites fields the payload leaves out (docs/protocol/compatibility.md#editmonitor-overwrites) and ignores active', async () => {
    const id = await addMonitor({ name: 'full', description: 'gone soon', active: false });
    const monitor = await getMonitor(id);
    const { description: _dropped, ...rest } = monitor;
    expect(await client.call('editMonitor', { ...rest, active: true })).toMatchObject({
      ok: true,
    });
    expect(await getMonitor(id)).toMatchObject({ description: null, active: false });
  });

  it('refuses to move a monitor into its own subtree with "Invalid Monitor Group"', async () => {
    const outer = await addMonitor({ type: 'group', name: 'Outer', url: null });
    const inner = await addMonitor({ type: 'group', name: 'Inner', url: null, parent: outer });
    const outerMonitor = await getMonitor(outer);
    for (const parent of [outer, inner]) {
      expect(await client.call('editMonitor', { ...outerMonitor, parent })).toEqual({
        ok: false,
        msg: 'Invalid Monitor Group',
        field: 'parent',
      });
    }
    expect(await getMonitor(outer)).toMatchObject({ parent: null });
  });

  it('releases the children of a group that becomes another type', async () => {
    const group = await addMonitor({ type: 'group', name: 'Temp', url: null });
    const child = await addMonitor({ name: 'kid', parent: group });
    const groupMonitor = await getMonitor(group);
    expect(
      await client.call('editMonitor', {
        ...groupMonitor,
        type: 'http',
        url: 'http://127.0.0.1:1/',
      }),
    ).toMatchObject({ ok: true });
    expect(await getMonitor(child)).toMatchObject({ parent: null, pathName: 'kid' });
  });

  it('keeps a push monitor’s token when the edit leaves it out, and takes a new one given', async () => {
    const id = await addMonitor({ type: 'push', name: 'cron', url: null, pushToken: null });
    const token = (await getMonitor(id)).pushToken;
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    const { pushToken: _omitted, ...withoutToken } = await getMonitor(id);
    expect(await client.call('editMonitor', { ...withoutToken, name: 'cron 2' })).toMatchObject({
      ok: true,
    });
    expect(await getMonitor(id)).toMatchObject({ name: 'cron 2', pushToken: token });
    await client.call('editMonitor', { ...withoutToken, pushToken: 'chosenByTheUser123' });
    expect((await getMonitor(id)).pushToken).toBe('chosenByTheUser123');
  });

  it('answers "Permission denied." for an unknown or missing id', async () => {
    const payload = httpMonitorPayload();
    expect(await client.call('editMonitor', { ...payload, id: 999_999 })).toEqual({
      ok: false,
      msg: 'Permission denied.',
    });
    expect(await client.call('editMonitor', payload)).toEqual({
      ok: false,
      msg: 'Permission denied.',
    });
  });
});

describe('pauseMonitor / resumeMonitor (docs/protocol/monitors.md)', () => {
  it('pauses and resumes, pushing monitorList before each ack', async () => {
    const id = await addMonitor({ name: 'toggle' });
    const paused = await callAndCollect('pauseMonitor', id);
    expect(paused.ack).toEqual({ ok: true, msg: 'Paused Successfully.' });
    let names = paused.events().map((e) => e.event);
    expect(names.indexOf('monitorList')).toBeLessThan(names.indexOf('ack:pauseMonitor'));
    expect(lastMonitorList(client)[String(id)]).toMatchObject({ active: false });

    const resumed = await callAndCollect('resumeMonitor', String(id));
    expect(resumed.ack).toEqual({ ok: true, msg: 'Resumed Successfully.' });
    names = resumed.events().map((e) => e.event);
    expect(names.indexOf('monitorList')).toBeLessThan(names.indexOf('ack:resumeMonitor'));
    expect(lastMonitorList(client)[String(id)]).toMatchObject({ active: true });
  });

  it('shows the children of a paused group as inactive (forceInactive)', async () => {
    const group = await addMonitor({ type: 'group', name: 'Paused group', url: null });
    const child = await addMonitor({ name: 'member', parent: group });
    await client.call('pauseMonitor', group);
    expect(await getMonitor(child)).toMatchObject({ active: false, forceInactive: true });
    await client.call('resumeMonitor', group);
    expect(await getMonitor(child)).toMatchObject({ active: true, forceInactive: false });
  });

  it('answers "You do not own this monitor." for an unknown id', async () => {
    for (const event of ['pauseMonitor', 'resumeMonitor']) {
      expect(await client.call(event, 999_999)).toEqual({
        ok: false,
        msg: 'You do not own this monitor.',
      });
    }
  });
});

describe('deleteMonitor (docs/protocol/monitors.md)', () => {
  it('acks first, then pushes monitorList and an emptied importantHeartbeatList', async () => {
    const id = await addMonitor({ name: 'doomed' });
    const { ack, mark } = await callAndCollect('deleteMonitor', id);
    expect(ack).toEqual({ ok: true, msg: 'Deleted Successfully.' });
    await waitFor(() => expect(client.pushesSince(mark, 'importantHeartbeatList')).toHaveLength(1));
    const sequence = client.events
      .slice(mark)
      .filter((e) =>
        ['ack:deleteMonitor', 'monitorList', 'importantHeartbeatList'].includes(e.event),
      );
    expect(sequence.map((e) => e.event)).toEqual([
      'ack:deleteMonitor',
      'monitorList',
      'importantHeartbeatList',
    ]);
    expect(sequence[2]?.args).toEqual([id, [], true]);
    expect(lastMonitorList(client)[String(id)]).toBeUndefined();
    expect(await client.call('getMonitor', id)).toMatchObject({ ok: false });
  });

  it('answers ok:false for an id that does not exist', async () => {
    expect(await client.call('deleteMonitor', 999_999)).toMatchObject({ ok: false });
  });
});

describe('getMonitor / getMonitorList (docs/protocol/monitors.md)', () => {
  it('answers ok:false for an unknown id', async () => {
    expect(await client.call('getMonitor', 999_999)).toEqual({
      ok: false,
      msg: 'Monitor not found.',
    });
  });

  it('pushes the complete monitorList before acking getMonitorList', async () => {
    const { ack, events } = await callAndCollect('getMonitorList');
    expect(ack).toEqual({ ok: true });
    const names = events().map((e) => e.event);
    expect(names).toEqual(['monitorList', 'ack:getMonitorList']);
    const list = events()[0]?.args[0] as Record<string, MonitorWire>;
    const ids = Object.keys(list).map(Number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const stored = await ctx.db
      .selectFrom('monitors')
      .select('id')
      .where('tenant_id', '=', user.tenantId)
      .execute();
    expect(ids.sort()).toEqual(stored.map((r) => r.id).sort());
  });
});

describe('getMonitorBeats (docs/protocol/monitors.md)', () => {
  it('answers the beats newer than periodHours, oldest first, as raw rows', async () => {
    const id = await addMonitor({ name: 'history' });
    const now = Date.now();
    const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
    await heartbeatRepository.recordBeats(
      ctx.db,
      [20, 3, 1].map((h) => ({
        tenantId: user.tenantId,
        monitorId: id,
        status: UP,
        msg: `${h} h ago`,
        time: hoursAgo(h),
        pingMs: h,
        durationSec: 0,
        downCount: 0,
        important: h === 20,
        retries: 0,
        nextDueAt: new Date(now + 60_000),
      })),
    );
    const within = async (hours: unknown) =>
      ((await client.call('getMonitorBeats', id, hours)) as { data: { msg: string }[] }).data;
    expect((await within(2)).map((b) => b.msg)).toEqual(['1 h ago']);
    expect((await within(6)).map((b) => b.msg)).toEqual(['3 h ago', '1 h ago']);
    const day = await within(24);
    expect(day.map((b) => b.msg)).toEqual(['20 h ago', '3 h ago', '1 h ago']);
    expect(day[0]).toEqual({
      id: expect.any(Number),
      important: 1,
      monitor_id: id,
      status: UP,
      msg: '20 h ago',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/),
      ping: 20,
      duration: 0,
      down_count: 0,
    });
  });

  it.each([undefined, null, 0, -1, 8761, 'abc', {}])(
    'answers "Invalid period." for periodHours %s',
    async (hours) => {
      const id = await addMonitor({ name: 'period' });
      const reply =
        hours === undefined
          ? await client.call('getMonitorBeats', id)
          : await client.call('getMonitorBeats', id, hours);
      expect(reply).toEqual({ ok: false, msg: 'Invalid period.' });
    },
  );

  it('answers ok:false for an unknown monitor', async () => {
    expect(await client.call('getMonitorBeats', 999_999, 24)).toEqual({
      ok: false,
      msg: 'Monitor not found.',
    });
  });
});
