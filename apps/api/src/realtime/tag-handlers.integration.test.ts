import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import type { MonitorTagJson, TagJson } from '@watchpost/core';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// docs/protocol/tags.md#tag-events event by event: ack shapes and literal texts (docs/protocol/compatibility.md#literal-strings), pushes before the ack
// (docs/protocol/transport.md#pushes-and-rooms), the stored result read back through getTags / getMonitor / monitorList (docs/protocol/tags.md#tag-and-monitortag), and
// bad input answered with ok:false while nothing changes (architecture rule 6).

type MonitorWire = Record<string, unknown> & { tags: MonitorTagJson[] };
type MonitorList = Record<string, MonitorWire>;

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
/** A second socket of the same tenant: room pushes must reach it too. */
let sibling: TestClient;
let monitorId: number;

beforeAll(async () => {
  ctx = await createApiTestContext('tags');
  user = await ctx.createUser('ops');
  client = await ctx.connect();
  await client.login(user);
  sibling = await ctx.connect();
  await sibling.login(user);
  monitorId = (await client.call<{ monitorID: number }>('add', httpMonitorPayload())).monitorID;
});
afterAll(async () => ctx?.close());

/** Calls `event` and answers its ack and the names of what arrived since, in order. */
async function callAndCollect<T>(event: string, ...args: unknown[]) {
  const mark = client.events.length;
  const ack = await client.call<T>(event, ...args);
  return { ack, order: client.events.slice(mark).map((e) => e.event), mark };
}

async function addTag(name: string, color = '#2563eb'): Promise<TagJson> {
  return (await client.call<{ tag: TagJson }>('addTag', { name, color, new: true })).tag;
}

async function getTags(): Promise<TagJson[]> {
  return (await client.call<{ tags: TagJson[] }>('getTags')).tags;
}

async function tagsOfMonitor(id = monitorId): Promise<MonitorTagJson[]> {
  return (await client.call<{ monitor: MonitorWire }>('getMonitor', id)).monitor.tags;
}

function lastMonitorList(c: TestClient, since = 0): MonitorList {
  const push = c.pushesSince(since, 'monitorList').at(-1);
  if (!push) throw new Error('no monitorList push');
  return push.args[0] as MonitorList;
}

describe('getTags / addTag / editTag / deleteTag (docs/protocol/tags.md#tag-events)', () => {
  it('creates a tag, ignoring extra keys, and lists it; no push', async () => {
    const { ack, order } = await callAndCollect('addTag', {
      name: 'prod',
      color: '#ff0000',
      new: true,
    });
    expect(ack).toEqual({
      ok: true,
      tag: { id: expect.any(Number), name: 'prod', color: '#ff0000' },
    });
    expect(order).toEqual(['ack:addTag']);
    const { tag } = ack as { tag: TagJson };
    expect(await client.call('getTags')).toEqual({ ok: true, tags: [tag] });
  });

  it('edits name and color, answers "Saved" with the tag, ignores the rest', async () => {
    const tag = await addTag('stage');
    const ack = await client.call('editTag', { ...tag, name: 'staging', color: 'green', x: 1 });
    expect(ack).toEqual({
      ok: true,
      msg: 'Saved',
      tag: { id: tag.id, name: 'staging', color: 'green' },
    });
    expect(await getTags()).toContainEqual({ id: tag.id, name: 'staging', color: 'green' });
  });

  it('answers "Tag not found" for an unknown or missing id', async () => {
    const notFound = { ok: false, msg: 'Tag not found' };
    expect(await client.call('editTag', { id: 999_999, name: 'x', color: 'y' })).toEqual(notFound);
    expect(await client.call('editTag', { name: 'x', color: 'y' })).toEqual(notFound);
    expect(await client.call('editTag', null)).toEqual(notFound);
  });

  it('deletes with "Deleted Successfully.", also for an id that does not exist', async () => {
    const tag = await addTag('temporary');
    const { ack, order } = await callAndCollect('deleteTag', tag.id);
    expect(ack).toEqual({ ok: true, msg: 'Deleted Successfully.' });
    // Not linked to any monitor, so no monitor changed.
    expect(order).toEqual(['ack:deleteTag']);
    expect(await getTags()).not.toContainEqual(tag);
    expect(await client.call('deleteTag', 999_999)).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
  });

  it('refuses bad tags and ids, changing nothing', async () => {
    const tag = await addTag('stable', 'red');
    const before = await getTags();
    const cases: [string, unknown[], string][] = [
      ['addTag', [null], 'Invalid tag.'],
      ['addTag', [{ color: 'red' }], 'A tag needs a name of at most 255 characters.'],
      ['addTag', [{ name: '  ', color: 'red' }], 'A tag needs a name of at most 255 characters.'],
      [
        'addTag',
        [{ name: 'x'.repeat(256), color: 'red' }],
        'A tag needs a name of at most 255 characters.',
      ],
      ['addTag', [{ name: 'n', color: 7 }], 'A tag needs a color of at most 255 characters.'],
      [
        'editTag',
        [{ id: tag.id, name: 5, color: 'red' }],
        'A tag needs a name of at most 255 characters.',
      ],
      ['editTag', [{ id: tag.id, name: 'n' }], 'A tag needs a color of at most 255 characters.'],
      ['deleteTag', ['abc'], 'Invalid tag ID.'],
      ['deleteTag', [-1], 'Invalid tag ID.'],
      ['deleteTag', [2 ** 31], 'Invalid tag ID.'],
      ['deleteTag', [], 'Invalid tag ID.'],
    ];
    for (const [event, args, msg] of cases) {
      expect(await client.call(event, ...args), `${event} ${JSON.stringify(args)}`).toEqual({
        ok: false,
        msg,
      });
    }
    expect(await getTags()).toEqual(before);
  });

  it('accepts a numeric-text id as the web UI sends it', async () => {
    const tag = await addTag('text-id');
    expect(await client.call('deleteTag', String(tag.id))).toMatchObject({ ok: true });
    expect(await getTags()).not.toContainEqual(tag);
  });
});

describe('addMonitorTag / editMonitorTag / deleteMonitorTag (docs/protocol/tags.md#tag-events)', () => {
  it('links a tag (tag first), pushes monitorList to the room, then acks', async () => {
    const tag = await addTag('env', '#00ff00');
    const siblingMark = sibling.events.length;
    const { ack, order, mark } = await callAndCollect('addMonitorTag', tag.id, monitorId, 'prod');
    expect(ack).toEqual({ ok: true, msg: 'Added Successfully.' });
    expect(order).toEqual(['monitorList', 'ack:addMonitorTag']);

    const expected = [
      {
        id: expect.any(Number),
        monitor_id: monitorId,
        tag_id: tag.id,
        value: 'prod',
        name: 'env',
        color: '#00ff00',
      },
    ];
    expect(lastMonitorList(client, mark)[String(monitorId)]?.tags).toEqual(expected);
    expect(await tagsOfMonitor()).toEqual(expected);
    await waitFor(() =>
      expect(lastMonitorList(sibling, siblingMark)[String(monitorId)]?.tags).toEqual(expected),
    );
    await client.call('deleteTag', tag.id);
  });

  it('allows the same tag twice and lists a monitor’s tags by name', async () => {
    const zone = await addTag('zone');
    const app = await addTag('app');
    await client.call('addMonitorTag', zone.id, monitorId, 'eu');
    await client.call('addMonitorTag', app.id, monitorId, '');
    await client.call('addMonitorTag', zone.id, monitorId, 'eu');
    expect((await tagsOfMonitor()).map((t) => [t.name, t.value])).toEqual([
      ['app', ''],
      ['zone', 'eu'],
      ['zone', 'eu'],
    ]);
    await client.call('deleteTag', zone.id);
    await client.call('deleteTag', app.id);
  });

  it('edits the value of every link of the tag on that monitor', async () => {
    const tag = await addTag('tier');
    await client.call('addMonitorTag', tag.id, monitorId, 'a');
    await client.call('addMonitorTag', tag.id, monitorId, 'b');
    const { ack, order } = await callAndCollect('editMonitorTag', tag.id, monitorId, 'gold');
    expect(ack).toEqual({ ok: true, msg: 'Edited Successfully.' });
    expect(order).toEqual(['monitorList', 'ack:editMonitorTag']);
    expect((await tagsOfMonitor()).map((t) => t.value)).toEqual(['gold', 'gold']);
    await client.call('deleteTag', tag.id);
  });

  it('deletes the links matching tag, monitor and value', async () => {
    const tag = await addTag('owner');
    await client.call('addMonitorTag', tag.id, monitorId, 'alice');
    await client.call('addMonitorTag', tag.id, monitorId, 'bob');
    const { ack, order } = await callAndCollect('deleteMonitorTag', tag.id, monitorId, 'alice');
    expect(ack).toEqual({ ok: true, msg: 'Deleted Successfully.' });
    expect(order).toEqual(['monitorList', 'ack:deleteMonitorTag']);
    expect((await tagsOfMonitor()).map((t) => t.value)).toEqual(['bob']);

    // Nothing matching: still a success (upstream), and no push since nothing changed.
    const none = await callAndCollect('deleteMonitorTag', tag.id, monitorId, 'carol');
    expect(none.ack).toEqual({ ok: true, msg: 'Deleted Successfully.' });
    expect(none.order).toEqual(['ack:deleteMonitorTag']);
    await client.call('deleteTag', tag.id);
  });

  it('stores a missing value as null and a number as its text', async () => {
    const tag = await addTag('misc');
    await client.call('addMonitorTag', tag.id, monitorId);
    await client.call('addMonitorTag', tag.id, monitorId, 42);
    expect((await tagsOfMonitor()).map((t) => t.value)).toEqual([null, '42']);
    expect(await client.call('deleteMonitorTag', tag.id, monitorId, null)).toMatchObject({
      ok: true,
    });
    expect((await tagsOfMonitor()).map((t) => t.value)).toEqual(['42']);
    await client.call('deleteTag', tag.id);
  });

  it('shows a renamed tag on its monitors and drops a deleted one, pushing before the ack', async () => {
    const tag = await addTag('old');
    await client.call('addMonitorTag', tag.id, monitorId, 'v');
    const edit = await callAndCollect('editTag', { id: tag.id, name: 'new', color: 'pink' });
    expect(edit.order).toEqual(['monitorList', 'ack:editTag']);
    expect(lastMonitorList(client, edit.mark)[String(monitorId)]?.tags).toMatchObject([
      { tag_id: tag.id, name: 'new', color: 'pink', value: 'v' },
    ]);

    const removal = await callAndCollect('deleteTag', tag.id);
    expect(removal.order).toEqual(['monitorList', 'ack:deleteTag']);
    expect(lastMonitorList(client, removal.mark)[String(monitorId)]?.tags).toEqual([]);
    expect(await tagsOfMonitor()).toEqual([]);
  });

  it('refuses bad arguments and unknown ids, changing nothing', async () => {
    const tag = await addTag('guarded');
    await client.call('addMonitorTag', tag.id, monitorId, 'kept');
    const before = await tagsOfMonitor();
    const cases: [string, unknown[], string][] = [
      ['addMonitorTag', ['x', monitorId, 'v'], 'Invalid tag ID.'],
      ['addMonitorTag', [tag.id, 'x', 'v'], 'Invalid monitor ID.'],
      [
        'addMonitorTag',
        [tag.id, monitorId, { v: 1 }],
        'A tag value must be text of at most 1000 characters.',
      ],
      [
        'addMonitorTag',
        [tag.id, monitorId, 'v'.repeat(1001)],
        'A tag value must be text of at most 1000 characters.',
      ],
      ['addMonitorTag', [999_999, monitorId, 'v'], 'Tag not found'],
      ['addMonitorTag', [tag.id, 999_999, 'v'], 'Monitor not found.'],
      [
        'editMonitorTag',
        [tag.id, monitorId, ['v']],
        'A tag value must be text of at most 1000 characters.',
      ],
      ['editMonitorTag', [tag.id, null, 'v'], 'Invalid monitor ID.'],
      ['deleteMonitorTag', [1.5, monitorId, 'kept'], 'Invalid tag ID.'],
    ];
    for (const [event, args, msg] of cases) {
      expect(await client.call(event, ...args), `${event} ${JSON.stringify(args)}`).toEqual({
        ok: false,
        msg,
      });
    }
    expect(await tagsOfMonitor()).toEqual(before);
    await client.call('deleteTag', tag.id);
  });

  it('includes each monitor’s tags in the login burst’s monitorList', async () => {
    const tag = await addTag('burst');
    await client.call('addMonitorTag', tag.id, monitorId, 'yes');
    const fresh = await ctx.connect();
    await fresh.login(user);
    const [list] = await fresh.waitFor('monitorList', { includePast: true });
    expect((list as MonitorList)[String(monitorId)]?.tags).toMatchObject([
      { tag_id: tag.id, name: 'burst', value: 'yes' },
    ]);
    await client.call('deleteTag', tag.id);
  });
});
