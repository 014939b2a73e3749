import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, passwordHashFingerprint, WEAK_PASSWORD_MSG } from '@watchpost/core/auth';
import { userRepository } from '@watchpost/core/db';
import { connectKumaTestClient, sleep } from '@watchpost/core/testing';
import { createApiTestContext, type ApiTestContext } from '../testing/api-test-context.js';

const SETUP_DONE_MSG =
  'Uptime Kuma has been initialized. If you want to run setup again, please delete the database.';

let ctx: ApiTestContext;

beforeAll(async () => {
  ctx = await createApiTestContext('auth');
});
afterAll(async () => ctx?.close());

function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Resolves true when the ack has not arrived after `ms` (a deliberate non-answer). */
async function staysUnanswered(
  client: Awaited<ReturnType<ApiTestContext['connect']>>,
  event: string,
  ...args: unknown[]
): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), 300);
    client.socket.emit(event, ...args, () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

describe('first-run setup (docs/protocol/authentication.md#first-run-setup)', () => {
  it('sends info without version and then setup on connect while no user exists', async () => {
    const client = await ctx.connect();
    await sleep(100);
    expect(client.events.map((e) => e.event)).toEqual(['info', 'setup']);
    expect(client.events[0]?.args).toEqual([
      { primaryBaseURL: null, serverTimezone: 'UTC', serverTimezoneOffset: '+00:00' },
    ]);
    expect(client.events[1]?.args).toEqual([]);
  });

  it('answers needSetup with a bare true on an empty database', async () => {
    const client = await ctx.connect();
    expect(await client.call('needSetup')).toBe(true);
  });

  it('refuses a weak password with Kuma’s text', async () => {
    const client = await ctx.connect();
    expect(await client.call('setup', 'admin', 'abcdef')).toEqual({
      ok: false,
      msg: WEAK_PASSWORD_MSG,
    });
    expect(await client.call('setup', 'admin', 12345678)).toEqual({
      ok: false,
      msg: WEAK_PASSWORD_MSG,
    });
    expect(await client.call('setup', '', 'secret123')).toMatchObject({ ok: false });
    expect(await client.call('setup', 'x'.repeat(256), 'secret123')).toMatchObject({ ok: false });
    expect(await client.call('needSetup')).toBe(true);
  });

  it('creates the first tenant and admin without logging the socket in', async () => {
    const client = await ctx.connect();
    expect(await client.call('setup', 'admin', 'secret123')).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
    expect(await client.call('needSetup')).toBe(false);
    expect(await client.call('getMonitorList')).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
    const user = await userRepository.findUserByUsername(ctx.db, 'admin');
    expect(user?.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });

  it('refuses a second setup', async () => {
    const client = await ctx.connect();
    expect(await client.call('setup', 'other', 'secret123')).toEqual({
      ok: false,
      msg: SETUP_DONE_MSG,
    });
    expect(await userRepository.findUserByUsername(ctx.db, 'other')).toBeUndefined();
  });

  it('no longer sends setup on connect once a user exists', async () => {
    const client = await ctx.connect();
    await sleep(100);
    expect(client.events.map((e) => e.event)).toEqual(['info']);
  });
});

describe('login (docs/protocol/authentication.md#login)', () => {
  it('returns a JWT with username, h and iat and sends the burst', async () => {
    const client = await ctx.connect();
    const reply = (await client.call('login', {
      username: 'admin',
      password: 'secret123',
      token: '',
    })) as Record<string, unknown>;
    expect(reply).toEqual({ ok: true, token: expect.any(String) });
    const user = await userRepository.findUserByUsername(ctx.db, 'admin');
    const claims = decodeJwtPayload(reply.token as string);
    expect(Object.keys(claims)).toEqual(['username', 'h', 'iat']);
    expect(claims).toMatchObject({
      username: 'admin',
      h: passwordHashFingerprint(user?.passwordHash ?? ''),
    });
    expect(client.events.some((e) => e.event === 'monitorList')).toBe(true);
    expect(await client.call('getMonitorList')).toEqual({ ok: true });
  });

  it.each([
    ['a wrong password', { username: 'admin', password: 'wrong1', token: '' }],
    ['an unknown username', { username: 'nobody', password: 'secret123', token: '' }],
    ['a numeric password', { username: 'admin', password: 123456, token: '' }],
    ['an object username', { username: { $ne: 1 }, password: 'secret123' }],
    ['a non-object payload', 'admin'],
    ['an array payload', ['admin', 'secret123']],
  ])('answers "Incorrect username or password." for %s', async (_title, data) => {
    const client = await ctx.connect();
    expect(await client.call('login', data)).toEqual({
      ok: false,
      msg: 'Incorrect username or password.',
    });
    expect(await client.call('getMonitorList')).toMatchObject({ ok: false });
  });

  it.each([null, 0, '', false])('does not answer a login with falsy data (%s)', async (data) => {
    const client = await ctx.connect();
    expect(await staysUnanswered(client, 'login', data)).toBe(true);
  });

  it('refuses an inactive user like a wrong password', async () => {
    const user = await ctx.createUser('sleeper');
    await ctx.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', user.userId)
      .execute();
    const client = await ctx.connect();
    expect(
      await client.call('login', { username: 'sleeper', password: user.password, token: '' }),
    ).toEqual({ ok: false, msg: 'Incorrect username or password.' });
  });

  it('asks a 2FA user for a code and refuses a wrong one', async () => {
    const user = await ctx.createUser('twofa');
    await ctx.db
      .updateTable('users')
      .set({ twofa_status: true, twofa_secret: 'x'.repeat(64) })
      .where('id', '=', user.userId)
      .execute();
    const client = await ctx.connect();
    const credentials = { username: 'twofa', password: user.password };
    expect(await client.call('login', { ...credentials, token: '' })).toEqual({
      tokenRequired: true,
    });
    expect(await client.call('login', credentials)).toEqual({ tokenRequired: true });
    expect(await client.call('login', { ...credentials, token: '123456' })).toEqual({
      ok: false,
      msg: 'Invalid Token!',
    });
    expect(await client.call('getMonitorList')).toMatchObject({ ok: false });
  });

  it('ignores a TOTP code sent for a user without 2FA', async () => {
    const client = await ctx.connect();
    expect(
      await client.call('login', { username: 'admin', password: 'secret123', token: '999999' }),
    ).toMatchObject({ ok: true });
  });
});

describe('loginByToken (docs/protocol/authentication.md#loginbytoken)', () => {
  it('accepts a token issued by another API node and sends the burst', async () => {
    const user = await ctx.createUser('roamer');
    const nodeB = await ctx.startNode();
    const onA = await ctx.connect();
    const token = await onA.login(user);
    const onB = await ctx.connect(nodeB);
    expect(await onB.call('loginByToken', token)).toEqual({ ok: true });
    const pushes = onB.events.map((e) => e.event);
    expect(pushes).toContain('monitorList');
    const infos = onB.events.filter((e) => e.event === 'info').map((e) => e.args);
    expect(infos.at(-1)).toEqual([expect.objectContaining({ version: '1.23.16' })]);
    expect(await onB.call('getMonitorList')).toEqual({ ok: true });
  });

  it('refuses a token once the stored password hash changed', async () => {
    const user = await ctx.createUser('changer');
    const client = await ctx.connect();
    const token = await client.login(user);
    await ctx.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(user.password) })
      .where('id', '=', user.userId)
      .execute();
    const fresh = await ctx.connect();
    expect(await fresh.call('loginByToken', token)).toEqual({ ok: false, msg: 'Invalid token.' });
    expect(await fresh.call('getMonitorList')).toMatchObject({ ok: false });
  });

  it('answers "The user is inactive or deleted." for a deactivated or deleted user', async () => {
    const user = await ctx.createUser('leaver');
    const client = await ctx.connect();
    const token = await client.login(user);
    await ctx.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '=', user.userId)
      .execute();
    expect(await client.call('loginByToken', token)).toEqual({
      ok: false,
      msg: 'The user is inactive or deleted.',
    });
    await ctx.db.deleteFrom('users').where('id', '=', user.userId).execute();
    expect(await client.call('loginByToken', token)).toEqual({
      ok: false,
      msg: 'The user is inactive or deleted.',
    });
  });

  it('answers "Invalid token." for every malformed or forged token', async () => {
    const client = await ctx.connect();
    const token = await client.login({ username: 'admin', password: 'secret123' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decodeJwtPayload(token), username: 'roamer' }),
    ).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const otherKey = createHmac('sha256', 'guessed secret')
      .update(`${header}.${payload}`)
      .digest('base64url');
    const shapes: unknown[] = [
      undefined,
      null,
      '',
      42,
      { token },
      [token],
      'a.b.c',
      'not a token',
      `${header}.${forgedPayload}.${signature}`,
      unsigned,
      `${header}.${payload}.${otherKey}`,
      `${token}x`,
      `${token}.${signature}`,
      'x'.repeat(100_000),
    ];
    const fresh = await ctx.connect();
    for (const shape of shapes) {
      const reply =
        shape === undefined
          ? await fresh.call('loginByToken')
          : await fresh.call('loginByToken', shape);
      expect(reply, String(shape).slice(0, 40)).toEqual({ ok: false, msg: 'Invalid token.' });
    }
    expect(await fresh.call('getMonitorList')).toMatchObject({ ok: false });
  });
});

describe('logout (docs/protocol/authentication.md#logout)', () => {
  it('acks with no arguments and leaves the socket unauthenticated and out of the room', async () => {
    const user = await ctx.createUser('quitter');
    const client = await ctx.connect();
    await client.login(user);

    expect(await client.callRaw('logout')).toEqual([]);
    const other = await ctx.connect();
    await other.login(user);
    expect(await client.call('getMonitorList')).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
    const mark = client.events.length;
    expect(await other.call('getMonitorList')).toEqual({ ok: true });
    await sleep(100);
    expect(client.pushesSince(mark, 'monitorList')).toEqual([]);
  });

  it('acks with no arguments when the socket was not logged in', async () => {
    const client = await ctx.connect();
    expect(await client.callRaw('logout')).toEqual([]);
  });
});

describe('transports (docs/protocol/transport.md#versions-path-and-transports)', () => {
  it('serves a client that stays on HTTP long-polling, as python-socketio starts', async () => {
    await ctx.createUser('polling-user');
    const client = await connectKumaTestClient(ctx.node.url, { transports: ['polling'] });
    try {
      const lists = client.waitFor('monitorList');
      await client.login({ username: 'polling-user', password: 'secret123' });
      expect((await lists)[0]).toEqual({});
      expect(client.socket.io.engine.transport.name).toBe('polling');
    } finally {
      client.close();
    }
  });
});
