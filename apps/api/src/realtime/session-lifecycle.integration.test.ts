import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRepository, type NewApiKey } from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestNode,
  type TestUser,
} from '../testing/api-test-context.js';
import { ACCOUNT_EVENT_MSG } from './define-handler.js';

// docs/protocol/api-keys.md#api-key-lifecycle and docs/protocol/authentication.md#logout: what ends a session, across two API nodes.

let ctx: ApiTestContext;
let second: TestNode;

beforeAll(async () => {
  ctx = await createApiTestContext('session-lifecycle');
  second = await ctx.startNode();
});
afterAll(async () => ctx?.close());

function createKey(owner: TestUser, overrides: Partial<NewApiKey> = {}) {
  return apiKeyRepository.createApiKey(ctx.db, owner.tenantId, owner.userId, {
    name: 'k',
    expires: null,
    expiresAt: null,
    active: true,
    scope: 'write',
    ...overrides,
  });
}

async function connectWith(token: string, node?: TestNode): Promise<TestClient> {
  const client = await ctx.connect(node);
  expect(await client.call('loginByToken', token)).toEqual({ ok: true });
  return client;
}

function disconnection(client: TestClient): Promise<unknown> {
  return new Promise((resolve) => client.socket.once('disconnect', resolve));
}

const keyRows = (tenantId: number) =>
  ctx.db
    .selectFrom('api_keys')
    .select(['id', 'active'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();

describe('API key sessions and keys', () => {
  it('may not create, enable or delete keys, whatever their scope, and change nothing trying', async () => {
    const user = await ctx.createUser('keysmith');
    const disabled = await createKey(user, { active: false });
    const { key } = await createKey(user, { scope: 'write' });
    const session = await connectWith(key);
    const before = await keyRows(user.tenantId);
    const refused = { ok: false, msg: ACCOUNT_EVENT_MSG };
    expect(await session.call('addAPIKey', { name: 'forever', expires: null, active: 1 })).toEqual(
      refused,
    );
    expect(await session.call('enableAPIKey', disabled.id)).toEqual(refused);
    expect(await session.call('deleteAPIKey', disabled.id)).toEqual(refused);
    expect(await keyRows(user.tenantId)).toEqual(before);
  });

  it('may disable a key, its own included, which ends the session', async () => {
    const user = await ctx.createUser('selfstop');
    const own = await createKey(user);
    const session = await connectWith(own.key, second);
    const ended = disconnection(session);
    expect(await session.call('disableAPIKey', own.id)).toEqual({
      ok: true,
      msg: 'Disabled Successfully.',
    });
    await ended;
  });

  it('is disconnected, on whichever node it is, when its key expires', async () => {
    const user = await ctx.createUser('expiring');
    const expiresAt = new Date(Date.now() + 1_500);
    const { key } = await createKey(user, {
      expires: expiresAt.toISOString().slice(0, 19).replace('T', ' '),
      expiresAt,
    });
    const session = await connectWith(key, second);
    const never = await connectWith((await createKey(user)).key, second);
    await disconnection(session);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(never.socket.connected).toBe(true);
    const again = await ctx.connect(second);
    expect(await again.call('loginByToken', key)).toEqual({
      ok: false,
      msg: 'This API key has expired.',
    });
  });
});

describe('logout', () => {
  it('ends the user’s login tokens and token sessions on every node; API key sessions stay', async () => {
    const user = await ctx.createUser('leaver');
    const here = await ctx.connect();
    const token = await here.login(user);
    const elsewhere = await connectWith(token, second);
    const keySession = await connectWith((await createKey(user)).key, second);
    const otherUser = await ctx.createUser('stayer');
    const bystander = await ctx.connect(second);
    await bystander.login(otherUser);

    const refreshed = elsewhere.waitFor('refresh');
    const ended = disconnection(elsewhere);
    expect(await here.call('logout')).toBeUndefined();
    await refreshed;
    await ended;
    expect(await here.call('getMonitorList')).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
    const retry = await ctx.connect(second);
    expect(await retry.call('loginByToken', token)).toEqual({ ok: false, msg: 'Invalid token.' });

    // A new login gets a token that works, and the others were left alone.
    const fresh = await here.login(user);
    expect(await retry.call('loginByToken', fresh)).toEqual({ ok: true });
    expect(keySession.socket.connected).toBe(true);
    expect(bystander.socket.connected).toBe(true);
  });

  it('of an API key session ends that session only', async () => {
    const user = await ctx.createUser('keyleaver');
    const owner = await ctx.connect();
    const token = await owner.login(user);
    const keySession = await connectWith((await createKey(user)).key);
    expect(await keySession.call('logout')).toBeUndefined();
    const check = await ctx.connect(second);
    expect(await check.call('loginByToken', token)).toEqual({ ok: true });
    expect(owner.socket.connected).toBe(true);
  });
});

describe('changePassword', () => {
  it('ends the user’s other token sessions on every node and every older token', async () => {
    const user = await ctx.createUser('changer');
    const here = await ctx.connect();
    const token = await here.login(user);
    const elsewhere = await connectWith(token, second);
    const ended = disconnection(elsewhere);
    expect(
      await here.call('changePassword', {
        currentPassword: user.password,
        newPassword: 'another456',
      }),
    ).toEqual({ ok: true, msg: 'Password has been updated successfully.' });
    await ended;
    const retry = await ctx.connect(second);
    expect(await retry.call('loginByToken', token)).toEqual({ ok: false, msg: 'Invalid token.' });
    expect(here.socket.connected).toBe(true);
  });
});
