import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
} from '../../testing/api-test-context.js';
import {
  createRestTenant,
  expectRestError,
  rest,
  type RestTenant,
} from '../../testing/rest-test-kit.js';

let ctx: ApiTestContext;
let alice: RestTenant;
let bob: RestTenant;
const RATE_LIMIT = 40;
const call = (method: string, path: string, options?: Parameters<typeof rest>[3]) =>
  rest(ctx.node.url, method, path, options);

beforeAll(async () => {
  ctx = await createApiTestContext('rest-conventions', {
    env: { API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
  });
  alice = await createRestTenant(ctx, 'alice');
  bob = await createRestTenant(ctx, 'bob');
});
afterAll(() => ctx.close());

it('replays a POST with the same Idempotency-Key on any node and refuses a different body', async () => {
  const other = await ctx.startNode();
  const body = httpMonitorPayload({ name: 'once', active: false });
  const headers = { 'idempotency-key': 'create-once' };
  const first = await call('POST', '/monitors', { credential: alice.writeKey, body, headers });
  expect(first.status).toBe(201);
  const replay = await rest(other.url, 'POST', '/monitors', {
    credential: alice.writeKey,
    body,
    headers,
  });
  expect(replay.status).toBe(201);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  expect(replay.headers.get('location')).toBe(first.headers.get('location'));
  expect(replay.body).toEqual(first.body);
  const list = await call('GET', '/monitors?search=once', { credential: alice.readKey });
  expect(list.body.data).toHaveLength(1);

  const different = await call('POST', '/monitors', {
    credential: alice.writeKey,
    body: { ...body, name: 'twice' },
    headers,
  });
  expectRestError(different, 422, 'idempotency-key-reused');
  // Keys belong to a tenant and credential: bob's same key is his own.
  const bobs = await call('POST', '/monitors', { credential: bob.writeKey, body, headers });
  expect(bobs.status).toBe(201);
  expect(bobs.body.id).not.toBe(first.body.id);
  // A failed request keeps no key, so a corrected retry runs.
  const bad = await call('POST', '/monitors', {
    credential: alice.writeKey,
    body: { ...body, interval: 1 },
    headers: { 'idempotency-key': 'fix-me' },
  });
  expectRestError(bad, 400, 'invalid-input');
  const fixed = await call('POST', '/monitors', {
    credential: alice.writeKey,
    body: { ...body, interval: 1 },
    headers: { 'idempotency-key': 'fix-me' },
  });
  expectRestError(fixed, 400, 'invalid-input');
  expectRestError(
    await call('POST', '/monitors', {
      credential: alice.writeKey,
      body,
      headers: { 'idempotency-key': 'bad key' },
    }),
    400,
    'invalid-input',
  );
});

it('counts requests per credential across nodes, with RateLimit headers and 429 + Retry-After', async () => {
  const carol = await createRestTenant(ctx, 'carol');
  const other = await ctx.startNode();
  const first = await call('GET', '/tags', { credential: carol.readKey });
  expect(first.headers.get('ratelimit-limit')).toBe(String(RATE_LIMIT));
  expect(first.headers.get('ratelimit-remaining')).toBe(String(RATE_LIMIT - 1));
  expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  for (let i = 1; i < RATE_LIMIT; i++) {
    const response = await rest(i % 2 ? other.url : ctx.node.url, 'GET', '/tags', {
      credential: carol.readKey,
    });
    expect(response.status).toBe(200);
  }
  const over = await rest(other.url, 'GET', '/tags', { credential: carol.readKey });
  expectRestError(over, 429, 'rate-limited');
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(over.headers.get('ratelimit-remaining')).toBe('0');
  // Another key of the same tenant has its own budget.
  expect((await call('GET', '/tags', { credential: carol.writeKey })).status).toBe(200);
});
