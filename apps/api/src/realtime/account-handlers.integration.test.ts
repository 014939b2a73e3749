import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode, totpCode, verifyPassword, WEAK_PASSWORD_MSG } from '@watchpost/core/auth';
import { apiKeyRepository, userRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';
import { ACCOUNT_EVENT_MSG } from './define-handler.js';

let ctx: ApiTestContext;

beforeAll(async () => {
  ctx = await createApiTestContext('account');
});
afterAll(async () => ctx?.close());

async function loggedIn(user: TestUser, node = ctx.node): Promise<TestClient> {
  const client = await ctx.connect(node);
  await client.login(user);
  return client;
}

const userRow = async (user: TestUser) =>
  (await userRepository.findUser(ctx.db, user.tenantId, user.userId))!;

describe('changePassword (docs/protocol/authentication.md#password-change)', () => {
  it.each([
    [
      'a missing new password',
      { currentPassword: 'secret123', newPassword: '' },
      'Invalid new password',
    ],
    [
      'a weak new password',
      { currentPassword: 'secret123', newPassword: 'abcdef' },
      WEAK_PASSWORD_MSG,
    ],
    [
      'a non-text new password',
      { currentPassword: 'secret123', newPassword: 12345678 },
      WEAK_PASSWORD_MSG,
    ],
    [
      'a non-text current password',
      { currentPassword: 42, newPassword: 'newpass123' },
      'Wrong data type?',
    ],
    [
      'a wrong current password',
      { currentPassword: 'nope12345', newPassword: 'newpass123' },
      'Incorrect current password',
    ],
    ['no object', 'newpass123', 'Invalid new password'],
  ])('refuses %s with Kuma’s text and changes nothing', async (_title, data, msg) => {
    const user = await ctx.createUser(`refused-${Math.random().toString(36).slice(2, 8)}`);
    const client = await loggedIn(user);
    const before = (await userRow(user)).passwordHash;
    expect(await client.call('changePassword', data)).toEqual({ ok: false, msg });
    expect((await userRow(user)).passwordHash).toBe(before);
  });

  it('answers "You are not logged in." before login', async () => {
    const anonymous = await ctx.connect();
    expect(
      await anonymous.call('changePassword', { currentPassword: 'a', newPassword: 'newpass123' }),
    ).toEqual({ ok: false, msg: 'You are not logged in.' });
  });

  it('stores the new password, ends the user’s other sessions on every node, keeps this one', async () => {
    const user = await ctx.createUser('changer');
    const neighbour = await ctx.createUser('neighbour');
    const nodeB = await ctx.startNode();
    const client = await ctx.connect();
    const oldToken = await client.login(user);
    const elsewhere = await loggedIn(user, nodeB);
    const sameNode = await loggedIn(user);
    const unrelated = await loggedIn(neighbour, nodeB);
    const refreshes = [elsewhere, sameNode].map((c) => c.waitFor('refresh'));
    const disconnects = [elsewhere, sameNode].map(
      (c) => new Promise((resolve) => c.socket.once('disconnect', resolve)),
    );

    expect(
      await client.call('changePassword', {
        currentPassword: user.password,
        newPassword: 'newpass123',
      }),
    ).toEqual({ ok: true, msg: 'Password has been updated successfully.' });
    expect(await Promise.all(refreshes)).toEqual([[], []]);
    await Promise.all(disconnects);

    expect(await client.call('getSettings')).toMatchObject({ ok: true });
    expect(unrelated.socket.connected).toBe(true);
    expect(await verifyPassword('newpass123', (await userRow(user)).passwordHash)).toBe(true);

    const fresh = await ctx.connect(nodeB);
    expect(await fresh.call('loginByToken', oldToken)).toEqual({
      ok: false,
      msg: 'Invalid token.',
    });
    expect(
      await fresh.call('login', { username: 'changer', password: user.password, token: '' }),
    ).toEqual({ ok: false, msg: 'Incorrect username or password.' });
    await fresh.login({ username: 'changer', password: 'newpass123' });
  });

  it('is refused to an API key session, even a write one', async () => {
    const user = await ctx.createUser('keyholder');
    const { key } = await apiKeyRepository.createApiKey(ctx.db, user.tenantId, user.userId, {
      name: 'k',
      expires: null,
      expiresAt: null,
      active: true,
      scope: 'write',
    });
    const client = await ctx.connect();
    expect(await client.call('loginByToken', key)).toEqual({ ok: true });
    const before = await userRow(user);
    for (const [event, args] of [
      ['changePassword', [{ currentPassword: user.password, newPassword: 'newpass123' }]],
      ['prepare2FA', [user.password]],
      ['save2FA', [user.password]],
      ['disable2FA', [user.password]],
      ['verifyToken', ['123456', user.password]],
    ] as const) {
      expect([event, await client.call(event, ...args)]).toEqual([
        event,
        { ok: false, msg: ACCOUNT_EVENT_MSG },
      ]);
    }
    expect(await userRow(user)).toEqual(before);
  });
});

describe('two-factor authentication (docs/protocol/authentication.md#two-factor-authentication)', () => {
  it('walks prepare, verify, save, TOTP login and disable', async () => {
    const user = await ctx.createUser('twofactor');
    const client = await loggedIn(user);
    expect(await client.call('twoFAStatus')).toEqual({ ok: true, status: false });

    expect(await client.call('prepare2FA', 'wrong-pass1')).toEqual({
      ok: false,
      msg: 'Incorrect current password',
    });
    expect(await client.call('prepare2FA', null)).toEqual({ ok: false, msg: 'Wrong data type?' });
    expect((await userRow(user)).twofaSecret).toBeNull();

    const prepared = (await client.call('prepare2FA', user.password)) as {
      ok: boolean;
      uri: string;
    };
    const { twofaSecret: secret, twofaStatus } = await userRow(user);
    expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(twofaStatus).toBe(false);
    expect(prepared).toEqual({
      ok: true,
      uri: `otpauth://totp/Uptime%20Kuma:twofactor?secret=${base32Encode(Buffer.from(secret!))}`,
    });

    const code = totpCode(secret!);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await client.call('verifyToken', wrong, user.password)).toEqual({
      ok: false,
      msg: 'Invalid Token.',
      valid: false,
    });
    expect(await client.call('verifyToken', code, 'wrong-pass1')).toEqual({
      ok: false,
      msg: 'Incorrect current password',
    });
    expect(await client.call('verifyToken', code, user.password)).toEqual({
      ok: true,
      valid: true,
    });

    expect(await client.call('save2FA', user.password)).toEqual({ ok: true, msg: '2FA Enabled.' });
    expect(await client.call('twoFAStatus')).toEqual({ ok: true, status: true });
    expect(await client.call('prepare2FA', user.password)).toEqual({
      ok: false,
      msg: '2FA is already enabled.',
    });
    expect((await userRow(user)).twofaSecret).toBe(secret);

    const other = await ctx.connect();
    const credentials = { username: 'twofactor', password: user.password };
    expect(await other.call('login', { ...credentials, token: '' })).toEqual({
      tokenRequired: true,
    });
    expect(await other.call('login', credentials)).toEqual({ tokenRequired: true });
    expect(await other.call('login', { ...credentials, token: wrong })).toEqual({
      ok: false,
      msg: 'Invalid Token!',
    });
    expect(await other.call('getSettings')).toMatchObject({ ok: false });
    expect(await other.call('login', { ...credentials, token: code })).toEqual({
      ok: true,
      token: expect.any(String),
    });
    expect(await other.call('getSettings')).toMatchObject({ ok: true });

    // A used code is spent, on this node and on any other.
    const nodeB = await ctx.startNode();
    const replay = await ctx.connect(nodeB);
    expect(await replay.call('login', { ...credentials, token: code })).toEqual({
      ok: false,
      msg: 'Invalid Token!',
    });
    expect(await client.call('verifyToken', code, user.password)).toMatchObject({ valid: false });

    expect(await client.call('disable2FA', 'wrong-pass1')).toEqual({
      ok: false,
      msg: 'Incorrect current password',
    });
    expect(await client.call('disable2FA', user.password)).toEqual({
      ok: true,
      msg: '2FA Disabled.',
    });
    expect(await client.call('twoFAStatus')).toEqual({ ok: true, status: false });
    expect((await userRow(user)).twofaSecret).toBe(secret);
    await replay.login(credentials);
  });

  it('does not enable 2FA without a prepared secret', async () => {
    const user = await ctx.createUser('unprepared');
    const client = await loggedIn(user);
    expect(await client.call('save2FA', user.password)).toMatchObject({ ok: false });
    expect((await userRow(user)).twofaStatus).toBe(false);
  });

  it('answers "You are not logged in." before login', async () => {
    const anonymous = await ctx.connect();
    for (const [event, args] of [
      ['twoFAStatus', []],
      ['prepare2FA', ['x']],
      ['save2FA', ['x']],
      ['disable2FA', ['x']],
      ['verifyToken', ['123456', 'x']],
    ] as const) {
      expect(await anonymous.call(event, ...args)).toEqual({
        ok: false,
        msg: 'You are not logged in.',
      });
    }
  });

  it('limits the 2FA events to 30 a minute per user (docs/protocol/authentication.md#rate-limiting)', async () => {
    const user = await ctx.createUser('hammer');
    const bystander = await ctx.createUser('bystander');
    const client = await loggedIn(user);
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await client.call('disable2FA', 'wrong-pass1'));
    expect(replies.every((r) => (r as { msg: string }).msg === 'Incorrect current password')).toBe(
      true,
    );
    expect(await client.call('disable2FA', user.password)).toEqual({
      ok: false,
      msg: 'Too frequently, try again later.',
    });
    expect(await client.call('prepare2FA', user.password)).toEqual({
      ok: false,
      msg: 'Too frequently, try again later.',
    });
    expect((await userRow(user)).twofaSecret).toBeNull();
    const other = await loggedIn(bystander);
    expect(await other.call('disable2FA', bystander.password)).toEqual({
      ok: true,
      msg: '2FA Disabled.',
    });
  });
});
