import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ADDRESS_ATTEMPT_RATE_LIMIT,
  ADDRESS_FAILURE_RATE_LIMIT,
  LOGIN_FAILURE_RATE_LIMIT,
} from '@watchpost/core/auth';
import { connectKumaTestClient } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
} from '../testing/api-test-context.js';

// docs/protocol/authentication.md#rate-limiting: failed logins per username and per client address, attempts of any kind per address,
// counted on every API node together. Every client here comes from 127.0.0.1, so each test
// gets a database (and budgets) of its own.

const TOO_FREQUENT = { ok: false, msg: 'Too frequently, try again later.' };
const BAD_CREDENTIALS = { ok: false, msg: 'Incorrect username or password.' };

const contexts: ApiTestContext[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(contexts.map((c) => c.close()));
});

async function freshContext(label: string): Promise<ApiTestContext> {
  const ctx = await createApiTestContext(label);
  contexts.push(ctx);
  return ctx;
}

const attempt = (client: TestClient, username: unknown, password: string) =>
  client.call('login', { username, password, token: '' });

// Dozens of bcrypt rounds each: generous time on a busy machine, no timing asserted.
const SLOW = 120_000;

describe('failed logins per username', () => {
  let ctx: ApiTestContext;
  beforeEach(async () => {
    ctx = await freshContext('login-limit-username');
  });

  it(
    'lets a client suite log in again and again: a success takes nothing from the budget',
    async () => {
      const suite = await ctx.createUser('suite');
      const client = await ctx.connect();
      // A minute's worth of a Kuma client test suite's set-ups, from one address.
      for (let i = 0; i < 25; i++) {
        expect(await attempt(client, 'suite', suite.password)).toMatchObject({ ok: true });
      }
      for (let i = 0; i < LOGIN_FAILURE_RATE_LIMIT.limit; i++) {
        expect(await attempt(client, 'suite', 'wrong-pass1')).toEqual(BAD_CREDENTIALS);
      }
      expect(await attempt(client, 'suite', suite.password)).toEqual(TOO_FREQUENT);
    },
    SLOW,
  );

  it(
    'refuses the next attempt once a username failed 20 times, over two nodes, right password included',
    async () => {
      const target = await ctx.createUser('target');
      const bystander = await ctx.createUser('bystander');
      const nodeB = await ctx.startNode();
      const onA = await ctx.connect();
      const onB = await ctx.connect(nodeB);
      for (let i = 0; i < LOGIN_FAILURE_RATE_LIMIT.limit; i++) {
        expect(await attempt(i % 2 ? onB : onA, 'target', 'wrong-pass1')).toEqual(BAD_CREDENTIALS);
      }
      const fresh = await ctx.connect(nodeB);
      expect(await attempt(fresh, 'target', target.password)).toEqual(TOO_FREQUENT);
      expect(await fresh.call('getSettings')).toMatchObject({ ok: false });

      // Not the token login (docs/protocol/authentication.md#loginbytoken), and not other users.
      const token = await (await ctx.connect()).login(bystander);
      expect(await fresh.call('loginByToken', token)).toEqual({ ok: true });
    },
    SLOW,
  );

  it(
    'limits an unknown username like a known one, so the answer reveals nothing',
    async () => {
      const client = await ctx.connect();
      const replies = [];
      for (let i = 0; i <= LOGIN_FAILURE_RATE_LIMIT.limit; i++) {
        replies.push(await attempt(client, 'ghost', 'x1'));
      }
      expect(replies.slice(0, -1)).toEqual(replies.slice(0, -1).map(() => BAD_CREDENTIALS));
      expect(replies.at(-1)).toEqual(TOO_FREQUENT);
    },
    SLOW,
  );

  it('does not limit logout, which checks no credential', async () => {
    const user = await ctx.createUser('leaver');
    const client = await ctx.connect();
    await client.login(user);
    for (let i = 0; i < 25; i++) expect(await client.callRaw('logout')).toEqual([]);
    await client.login(user);
  });
});

describe('logins per client address', () => {
  it(
    'refuses an address that failed too often, whichever usernames it tried',
    async () => {
      const ctx = await freshContext('login-limit-spray');
      const victim = await ctx.createUser('victim');
      const client = await ctx.connect();
      for (let i = 0; i < ADDRESS_FAILURE_RATE_LIMIT.limit; i++) {
        expect(await attempt(client, `sprayed-${i}`, 'wrong-pass1')).toEqual(BAD_CREDENTIALS);
      }
      // A username this address never tried, with the right password.
      expect(await attempt(client, 'victim', victim.password)).toEqual(TOO_FREQUENT);
    },
    SLOW,
  );

  it(
    'caps attempts of any kind from one address',
    async () => {
      const ctx = await freshContext('login-limit-attempts');
      const user = await ctx.createUser('busy');
      const client = await ctx.connect();
      // Malformed ones are cheap to send and still attempts.
      for (let i = 0; i < ADDRESS_ATTEMPT_RATE_LIMIT.limit; i++) await attempt(client, 7, 'x');
      expect(await attempt(client, 'busy', user.password)).toEqual(TOO_FREQUENT);
    },
    SLOW,
  );

  it(
    'reads the address from the proxy’s X-Forwarded-For entry when TRUST_PROXY=1',
    async () => {
      const ctx = await createApiTestContext('login-limit-proxy', { env: { TRUST_PROXY: '1' } });
      contexts.push(ctx);
      const user = await ctx.createUser('proxied');
      const from = async (forwardedFor: string) => {
        const client = await connectKumaTestClient(ctx.node.url, {
          extraHeaders: { 'X-Forwarded-For': forwardedFor },
        });
        clients.push(client);
        return client;
      };
      const flooder = await from('198.51.100.1');
      for (let i = 0; i < ADDRESS_ATTEMPT_RATE_LIMIT.limit; i++) await attempt(flooder, 7, 'x');
      expect(await attempt(flooder, 'proxied', user.password)).toEqual(TOO_FREQUENT);
      // A client cannot escape by prepending an address: only the proxy's own entry counts.
      const spoofing = await from('203.0.113.9, 198.51.100.1');
      expect(await attempt(spoofing, 'proxied', user.password)).toEqual(TOO_FREQUENT);
      const neighbour = await from('198.51.100.2');
      expect(await attempt(neighbour, 'proxied', user.password)).toMatchObject({ ok: true });
    },
    SLOW,
  );
});
