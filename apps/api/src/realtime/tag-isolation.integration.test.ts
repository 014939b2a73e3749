import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import type { MonitorTagJson, TagJson } from '@watchpost/core';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// architecture rule 1 for tags: a tag or monitor id of tenant A never reveals, changes, deletes or
// links anything for tenant B, and none of A's tag changes reach B's sockets.

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;
/** Bob on a second API node: rooms span nodes, so isolation must too. */
let bOnOtherNode: TestClient;
let aTag: TagJson;
let aMonitor: number;
let bTag: TagJson;
let bMonitor: number;

const tagRows = () => ctx.db.selectFrom('tags').selectAll().orderBy('id').execute();
const linkRows = () => ctx.db.selectFrom('monitor_tags').selectAll().orderBy('id').execute();

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
  ctx = await createApiTestContext('tag-isolation');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
  bOnOtherNode = await ctx.connect(await ctx.startNode());
  await bOnOtherNode.login(bob);
  aTag = (await a.call<{ tag: TagJson }>('addTag', { name: 'alice-env', color: 'red' })).tag;
  aMonitor = (await a.call<{ monitorID: number }>('add', httpMonitorPayload({ name: 'a' })))
    .monitorID;
  await a.call('addMonitorTag', aTag.id, aMonitor, 'alice-secret');
  bTag = (await b.call<{ tag: TagJson }>('addTag', { name: 'bob-env', color: 'blue' })).tag;
  bMonitor = (await b.call<{ monitorID: number }>('add', httpMonitorPayload({ name: 'b' })))
    .monitorID;
});
afterAll(async () => ctx?.close());

describe('tags across tenants', () => {
  it('lists only the tenant’s own tags', async () => {
    expect(await b.call('getTags')).toEqual({ ok: true, tags: [bTag] });
    expect(await a.call('getTags')).toEqual({ ok: true, tags: [aTag] });
  });

  it('cannot change or delete another tenant’s tag by id', async () => {
    const before = await tagRows();
    const links = await linkRows();
    expect(await b.call('editTag', { id: aTag.id, name: 'hijacked', color: 'x' })).toEqual({
      ok: false,
      msg: 'Tag not found',
    });
    // deleteTag does not check existence (docs/protocol/tags.md#tag-events): the same answer as for a missing id,
    // and nothing is deleted.
    expect(await b.call('deleteTag', aTag.id)).toEqual({ ok: true, msg: 'Deleted Successfully.' });
    expect(await tagRows()).toEqual(before);
    expect(await linkRows()).toEqual(links);
  });

  it('cannot attach another tenant’s tag, or attach to another tenant’s monitor', async () => {
    const links = await linkRows();
    expect(await b.call('addMonitorTag', aTag.id, bMonitor, 'x')).toEqual({
      ok: false,
      msg: 'Tag not found',
    });
    expect(await b.call('addMonitorTag', bTag.id, aMonitor, 'x')).toEqual({
      ok: false,
      msg: 'Monitor not found.',
    });
    expect(await b.call('addMonitorTag', aTag.id, aMonitor, 'x')).toEqual({
      ok: false,
      msg: 'Tag not found',
    });
    expect(await linkRows()).toEqual(links);
  });

  it('cannot edit or remove another tenant’s monitor tags', async () => {
    const links = await linkRows();
    expect(await b.call('editMonitorTag', aTag.id, aMonitor, 'changed')).toEqual({
      ok: true,
      msg: 'Edited Successfully.',
    });
    expect(await b.call('deleteMonitorTag', aTag.id, aMonitor, 'alice-secret')).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
    expect(await linkRows()).toEqual(links);
    const { monitor } = await a.call<{ monitor: { tags: MonitorTagJson[] } }>(
      'getMonitor',
      aMonitor,
    );
    expect(monitor.tags).toMatchObject([{ tag_id: aTag.id, value: 'alice-secret' }]);
  });

  it('never pushes another tenant’s tag changes, across nodes', async () => {
    await syncBob(-1);
    const bMark = b.events.length;
    const bOtherMark = bOnOtherNode.events.length;

    const tag = (await a.call<{ tag: TagJson }>('addTag', { name: 'pushed', color: 'c' })).tag;
    await a.call('addMonitorTag', tag.id, aMonitor, 'alice-secret');
    await a.call('editMonitorTag', tag.id, aMonitor, 'alice-secret');
    await a.call('editTag', { id: tag.id, name: 'pushed-renamed', color: 'c' });
    await a.call('deleteMonitorTag', tag.id, aMonitor, 'alice-secret');
    await a.call('deleteTag', tag.id);

    await syncBob(-2);
    expect(b.pushesSince(bMark).map((e) => e.event)).toEqual(['avgPing']);
    expect(bOnOtherNode.pushesSince(bOtherMark).map((e) => e.event)).toEqual(['avgPing']);

    // A fresh login of Bob sees none of Alice's tags either.
    const fresh = await ctx.connect();
    await fresh.login(bob);
    await fresh.waitFor('monitorList', { includePast: true });
    for (const client of [b, bOnOtherNode, fresh]) {
      expect(JSON.stringify(client.events)).not.toContain('alice-');
    }
    // Alice's own sockets do see them.
    expect(JSON.stringify(a.events)).toContain('alice-secret');
  });
});
