import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
} from '../testing/api-test-context.js';

// docs/protocol/authentication.md#rate-limiting: 20 login attempts a minute, counted on every API node together. Buckets are
// per attempted username (see login-rate-limits.ts), so other users keep logging in.

const TOO_FREQUENT = { ok: false, msg: 'Too frequently, try again later.' };

let ctx: ApiTestContext;

beforeAll(async () => {
  ctx = await createApiTestContext('login-rate-limit');
});
afterAll(async () => ctx?.close());

describe('login rate limiting (docs/protocol/authentication.md#rate-limiting)', () => {
  it('refuses the 21st attempt of a minute, over two nodes, even with the right password', async () => {
    const target = await ctx.createUser('target');
    const bystander = await ctx.createUser('bystander');
    const nodeB = await ctx.startNode();
    const onA = await ctx.connect();
    const onB = await ctx.connect(nodeB);
    const attempt = (client: TestClient, password: string) =>
      client.call('login', { username: 'target', password, token: '' });

    // A successful login counts like a failed one.
    expect(await attempt(onA, target.password)).toMatchObject({ ok: true });
    for (let i = 1; i < 20; i++) {
      expect(await attempt(i % 2 ? onB : onA, 'wrong-pass1')).toEqual({
        ok: false,
        msg: 'Incorrect username or password.',
      });
    }
    const fresh = await ctx.connect(nodeB);
    expect(await attempt(fresh, target.password)).toEqual(TOO_FREQUENT);
    expect(await fresh.call('getSettings')).toMatchObject({ ok: false });
    expect(await attempt(onA, 'wrong-pass1')).toEqual(TOO_FREQUENT);

    // Not the token login (docs/protocol/authentication.md#loginbytoken), and not other users.
    const token = await (await ctx.connect()).login(bystander);
    expect(await fresh.call('loginByToken', token)).toEqual({ ok: true });
  });

  it('limits an unknown username like a known one, so the answer reveals nothing', async () => {
    const client = await ctx.connect();
    const replies = [];
    for (let i = 0; i < 21; i++) {
      replies.push(await client.call('login', { username: 'ghost', password: 'x1', token: '' }));
    }
    expect(
      replies
        .slice(0, 20)
        .every((r) => (r as { msg: string }).msg === 'Incorrect username or password.'),
    ).toBe(true);
    expect(replies[20]).toEqual(TOO_FREQUENT);
  });

  it('does not limit logout, which checks no credential', async () => {
    const user = await ctx.createUser('leaver');
    const client = await ctx.connect();
    await client.login(user);
    for (let i = 0; i < 25; i++) expect(await client.callRaw('logout')).toEqual([]);
    await client.login(user);
  });
});
