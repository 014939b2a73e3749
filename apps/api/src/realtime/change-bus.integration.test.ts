import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisChangeBus, type MonitorChange } from '@watchpost/core/changes';
import { sleep, waitFor } from '@watchpost/core/testing';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// The scheduler learns about every monitor mutation through the change bus within
// milliseconds; these are the messages it acts on.

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
const received: MonitorChange[] = [];

beforeAll(async () => {
  ctx = await createApiTestContext('change-bus');
  const scheduler = createRedisChangeBus(ctx.redis(), ctx.redis(), ctx.redisPrefix);
  await scheduler.subscribe((change) => received.push(change));
  user = await ctx.createUser('changes');
  client = await ctx.connect();
  await client.login(user);
});
afterAll(async () => ctx?.close());

/** Runs `action` and answers the changes published meanwhile, once `count` arrived. */
async function changesDuring(count: number, action: () => Promise<unknown>) {
  const mark = received.length;
  await action();
  await waitFor(() => expect(received.length - mark).toBeGreaterThanOrEqual(count));
  // Anything published after the expected ones would be a bug too.
  await sleep(50);
  return received.slice(mark);
}

/**
 * Adds a monitor and waits for its own change message, so that a later window of
 * `changesDuring` cannot catch it.
 */
async function add(overrides: Record<string, unknown> = {}): Promise<number> {
  const mark = received.length;
  const ack = (await client.call('add', httpMonitorPayload(overrides))) as { monitorID: number };
  await waitFor(() =>
    expect(received.slice(mark).map((c) => c.monitorId)).toContain(ack.monitorID),
  );
  return ack.monitorID;
}

describe('monitor changes on the bus', () => {
  it('publishes upsert for an added active monitor and remove for an added paused one', async () => {
    let id = 0;
    expect(await changesDuring(1, async () => (id = await add()))).toEqual([
      { kind: 'upsert', monitorId: id, tenantId: user.tenantId },
    ]);
    expect(await changesDuring(1, async () => (id = await add({ active: false })))).toEqual([
      { kind: 'remove', monitorId: id, tenantId: user.tenantId },
    ]);
  });

  it('publishes upsert for an edit of an active monitor and remove for a paused one', async () => {
    const active = await add();
    const monitor = ((await client.call('getMonitor', active)) as { monitor: object }).monitor;
    expect(
      await changesDuring(1, () => client.call('editMonitor', { ...monitor, name: 'renamed' })),
    ).toEqual([{ kind: 'upsert', monitorId: active, tenantId: user.tenantId }]);

    await changesDuring(1, () => client.call('pauseMonitor', active));
    const paused = ((await client.call('getMonitor', active)) as { monitor: object }).monitor;
    expect(
      await changesDuring(1, () => client.call('editMonitor', { ...paused, name: 'still paused' })),
    ).toEqual([{ kind: 'remove', monitorId: active, tenantId: user.tenantId }]);
  });

  it('publishes remove on pause, upsert on resume and remove on delete', async () => {
    const id = await add();
    const change = (kind: MonitorChange['kind']) => ({
      kind,
      monitorId: id,
      tenantId: user.tenantId,
    });
    expect(await changesDuring(1, () => client.call('pauseMonitor', id))).toEqual([
      change('remove'),
    ]);
    expect(await changesDuring(1, () => client.call('resumeMonitor', id))).toEqual([
      change('upsert'),
    ]);
    expect(await changesDuring(1, () => client.call('deleteMonitor', id))).toEqual([
      change('remove'),
    ]);
  });

  it('pauses and releases a group’s whole subtree, and frees the children of a deleted group', async () => {
    const group = await add({ type: 'group', name: 'group', url: null });
    const child = await add({ parent: group });
    // Paused on its own: stays out whatever the group does, until it is resumed.
    const pausedChild = await add({ parent: group, active: false });
    const sorted = (changes: MonitorChange[]) =>
      [...changes].sort((a, b) => a.monitorId - b.monitorId);
    const change = (kind: MonitorChange['kind'], monitorId: number) => ({
      kind,
      monitorId,
      tenantId: user.tenantId,
    });

    expect(sorted(await changesDuring(2, () => client.call('pauseMonitor', group)))).toEqual([
      change('remove', group),
      change('remove', child),
    ]);
    expect(sorted(await changesDuring(2, () => client.call('resumeMonitor', group)))).toEqual([
      change('upsert', group),
      change('upsert', child),
    ]);
    await changesDuring(2, () => client.call('pauseMonitor', group));
    // The group is paused, so its resumed child stays out ('remove').
    expect(await changesDuring(1, () => client.call('resumeMonitor', pausedChild))).toEqual([
      change('remove', pausedChild),
    ]);
    expect(sorted(await changesDuring(1, () => client.call('deleteMonitor', group)))).toEqual([
      change('remove', group),
      change('upsert', child),
      change('upsert', pausedChild),
    ]);
  });

  it('publishes nothing for refused or read-only calls', async () => {
    const id = await add();
    const changes = await changesDuring(0, async () => {
      await client.call('add', httpMonitorPayload({ interval: 1 }));
      await client.call('pauseMonitor', 999_999);
      await client.call('deleteMonitor', 999_999);
      await client.call('editMonitor', httpMonitorPayload({ id: 999_999 }));
      await client.call('getMonitor', id);
      await client.call('getMonitorList');
      await client.call('getMonitorBeats', id, 24);
    });
    expect(changes).toEqual([]);
  });
});
