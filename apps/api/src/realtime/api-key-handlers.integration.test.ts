import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { createRedisTenantEvents } from '@watchpost/core/realtime';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

interface AddAck {
  ok: boolean;
  msg: string;
  key: string;
  keyID: number;
}

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('api-keys');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
});
afterAll(async () => ctx?.close());

/** Python's add_api_key payload (docs/protocol/api-keys.md). */
function addKey(client: TestClient, overrides: Record<string, unknown> = {}): Promise<AddAck> {
  return client.call<AddAck>('addAPIKey', { name: 'ci', expires: null, active: 1, ...overrides });
}

function latestList(client: TestClient): Record<string, unknown>[] {
  const pushes = client.events.filter((e) => e.event === 'apiKeyList');
  return (pushes.at(-1)?.args[0] ?? []) as Record<string, unknown>[];
}

async function keyRow(id: number) {
  return ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sends a marker to Bob's room through Redis and waits until each client has it. */
async function syncBob(clients: TestClient[], marker: number): Promise<void> {
  createRedisTenantEvents(ctx.redis(), ctx.redisPrefix).emit(bob.tenantId, 'avgPing', marker, null);
  await waitFor(() => {
    for (const client of clients) {
      expect(client.events.some((e) => e.event === 'avgPing' && e.args[0] === marker)).toBe(true);
    }
  });
}

/** Index in the client's log of the ack of the latest call of `event`. */
function ackIndex(client: TestClient, event: string): number {
  return client.events.findLastIndex((e) => e.event === `ack:${event}`);
}

describe('addAPIKey (docs/protocol/api-keys.md)', () => {
  it('sends an empty apiKeyList in the login burst before any key exists', async () => {
    const fresh = await ctx.connect();
    await fresh.login(alice);
    expect(fresh.events.filter((e) => e.event === 'apiKeyList').map((e) => e.args)).toEqual([[[]]]);
  });

  it('acks the clear key once, in Kuma’s uk<id>_<key> form, after pushing apiKeyList', async () => {
    const mark = a.events.length;
    const ack = await addKey(a, { name: 'deploy' });
    expect(ack).toEqual({
      ok: true,
      msg: 'Added Successfully.',
      key: expect.stringMatching(new RegExp(`^uk${ack.keyID}_[A-Za-z0-9_-]{40}$`)),
      keyID: expect.any(Number),
    });
    const pushAt = a.events.findIndex((e, i) => i >= mark && e.event === 'apiKeyList');
    expect(pushAt).toBeGreaterThanOrEqual(0);
    expect(pushAt).toBeLessThan(ackIndex(a, 'addAPIKey'));
  });

  it('lists keys in the docs/protocol/api-keys.md#api-key-object shape plus scope, never with the key or its hash', async () => {
    const ack = await addKey(a, { name: 'grafana', expires: '2099-12-31 23:59:59', active: 0 });
    await a.call('getAPIKeyList');
    const listed = latestList(a).find((k) => k.id === ack.keyID);
    expect(listed).toEqual({
      id: ack.keyID,
      name: 'grafana',
      userID: alice.userId,
      createdDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      active: 0,
      expires: '2099-12-31 23:59:59',
      status: 'inactive',
      scope: 'write',
      lastUsedDate: null,
    });
    const secret = ack.key.slice(ack.key.indexOf('_') + 1);
    const elsewhere = a.events.filter((e) => e.event !== 'ack:addAPIKey');
    expect(JSON.stringify(elsewhere)).not.toContain(secret);
    expect(JSON.stringify(await keyRow(ack.keyID))).not.toContain(secret);
  });

  it('accepts a read scope and reports an expiry in the past as expired', async () => {
    const ack = await addKey(a, { name: 'old', scope: 'read', expires: '2000-01-01 00:00:00' });
    expect(latestList(a).find((k) => k.id === ack.keyID)).toMatchObject({
      scope: 'read',
      status: 'expired',
      active: 1,
    });
  });

  it('treats a missing expiry and active like null and 1', async () => {
    const ack = await a.call<AddAck>('addAPIKey', { name: 'minimal' });
    expect(ack).toMatchObject({ ok: true });
    expect(latestList(a).find((k) => k.id === ack.keyID)).toMatchObject({
      expires: null,
      active: 1,
      status: 'active',
      scope: 'write',
    });
  });

  it.each([
    ['no payload', undefined],
    ['no name', { expires: null, active: 1 }],
    ['a blank name', { name: '  ', expires: null }],
    ['an expiry that is not a date', { name: 'x', expires: 'next week' }],
    ['an impossible date', { name: 'x', expires: '2030-02-30 00:00:00' }],
    ['an unknown scope', { name: 'x', expires: null, scope: 'admin' }],
    ['active as text', { name: 'x', expires: null, active: 'yes' }],
  ])('refuses %s and stores nothing', async (_case, payload) => {
    const before = await ctx.db.selectFrom('api_keys').select('id').execute();
    const ack = await a.call<{ ok: boolean; msg: string }>('addAPIKey', payload);
    expect(ack).toEqual({ ok: false, msg: expect.any(String) });
    expect(await ctx.db.selectFrom('api_keys').select('id').execute()).toEqual(before);
  });
});

describe('getAPIKeyList, enableAPIKey, disableAPIKey, deleteAPIKey (docs/protocol/api-keys.md)', () => {
  it('pushes the list before acking getAPIKeyList', async () => {
    const mark = a.events.length;
    expect(await a.call('getAPIKeyList')).toEqual({ ok: true });
    const pushAt = a.events.findIndex((e, i) => i >= mark && e.event === 'apiKeyList');
    expect(pushAt).toBeLessThan(ackIndex(a, 'getAPIKeyList'));
  });

  it('disables and enables with Kuma’s texts, acking before the push', async () => {
    const { keyID } = await addKey(a);
    const disabledPush = a.waitFor('apiKeyList', {
      match: ([list]) =>
        (list as { id: number; active: number }[]).some((k) => k.id === keyID && k.active === 0),
    });
    expect(await a.call('disableAPIKey', keyID)).toEqual({
      ok: true,
      msg: 'Disabled Successfully.',
    });
    await disabledPush;
    expect(a.events.findLastIndex((e) => e.event === 'apiKeyList')).toBeGreaterThan(
      ackIndex(a, 'disableAPIKey'),
    );
    expect((await keyRow(keyID))?.active).toBe(false);

    const enabledPush = a.waitFor('apiKeyList', {
      match: ([list]) =>
        (list as { id: number; status: string }[]).some(
          (k) => k.id === keyID && k.status === 'active',
        ),
    });
    expect(await a.call('enableAPIKey', String(keyID))).toEqual({
      ok: true,
      msg: 'Enabled Successfully',
    });
    await enabledPush;
    expect((await keyRow(keyID))?.active).toBe(true);
  });

  it('deletes with Kuma’s text and pushes the list without the key', async () => {
    const { keyID } = await addKey(a);
    const pushed = a.waitFor('apiKeyList', {
      match: ([list]) => !(list as { id: number }[]).some((k) => k.id === keyID),
    });
    expect(await a.call('deleteAPIKey', keyID)).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
    await pushed;
    expect(await keyRow(keyID)).toBeUndefined();
  });

  it.each(['enableAPIKey', 'disableAPIKey', 'deleteAPIKey'])(
    '%s answers ok:false for a missing id and for ids that are not ids',
    async (event) => {
      expect(await a.call(event, 999_999)).toEqual({ ok: false, msg: 'API key not found.' });
      for (const bad of [0, -1, 1.5, 'abc', null, 2 ** 31]) {
        expect(await a.call(event, bad)).toEqual({ ok: false, msg: 'Invalid API key ID.' });
      }
    },
  );
});

describe('API keys across tenants', () => {
  it('never lets another tenant enable, disable or delete a key', async () => {
    const { keyID } = await addKey(a, { name: 'alice-secret', active: 0 });
    const before = await keyRow(keyID);
    for (const event of ['enableAPIKey', 'disableAPIKey', 'deleteAPIKey']) {
      expect(await b.call(event, keyID)).toEqual({ ok: false, msg: 'API key not found.' });
    }
    expect(await keyRow(keyID)).toEqual(before);
  });

  it('never shows or pushes one tenant’s keys to another tenant’s sockets', async () => {
    const bOnOtherNode = await ctx.connect(await ctx.startNode());
    await bOnOtherNode.login(bob);
    // Bob's own login burst also reaches b; let it arrive before marking.
    await syncBob([b, bOnOtherNode], -6);
    const bMark = b.events.length;
    const otherMark = bOnOtherNode.events.length;

    await addKey(a, { name: 'alice-only' });
    const { keyID } = await addKey(a, { name: 'alice-too' });
    await a.call('disableAPIKey', keyID);
    await a.call('enableAPIKey', keyID);
    await a.call('deleteAPIKey', keyID);
    await a.call('getAPIKeyList');

    // A marker to Bob's room after Alice's pushes: once it arrives, a leak would have too.
    await syncBob([b, bOnOtherNode], -7);
    expect(b.pushesSince(bMark, 'apiKeyList')).toEqual([]);
    expect(bOnOtherNode.pushesSince(otherMark, 'apiKeyList')).toEqual([]);

    await b.call('getAPIKeyList');
    expect(latestList(b)).toEqual([]);
  });
});
