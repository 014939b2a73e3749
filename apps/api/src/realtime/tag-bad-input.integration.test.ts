import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// architecture rule 6 for the tag events: whatever lands in any argument, the answer is one
// {ok, msg} object, never an internal error, and no tag or link changes.

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
let monitorId: number;
let tagId: number;
let snapshotBefore: string;

/** Values of the wrong type or shape for any positional argument. */
const BAD_VALUES: Record<string, unknown> = {
  zero: 0,
  'negative integer': -7,
  float: 1.5,
  'huge number': 1e308,
  'unsafe integer': 2 ** 53 + 1,
  string: 'abc',
  'empty string': '',
  object: {},
  array: [],
  null: null,
  boolean: true,
  'prototype keys': JSON.parse('{"__proto__":{"ok":true,"polluted":1}}'),
  'deep nesting': JSON.parse('['.repeat(1000) + ']'.repeat(1000)),
  binary: Buffer.from('binary'),
  'long string': 'x'.repeat(100_000),
};

const MISSING = 999_999;

/**
 * A call per event whose arguments are valid but name nothing that exists, or would create
 * something only with a complete tag: so any bad value must leave every row as it was.
 */
const EVENTS: [string, () => unknown[]][] = [
  ['addTag', () => [{ color: 'c' }]],
  ['editTag', () => [{ id: MISSING, name: 'n', color: 'c' }]],
  ['deleteTag', () => [MISSING]],
  ['addMonitorTag', () => [MISSING, monitorId, 'v']],
  ['editMonitorTag', () => [tagId, MISSING, 'v']],
  ['deleteMonitorTag', () => [tagId, monitorId, 'no such value']],
];

async function snapshot(): Promise<string> {
  const [tags, links] = await Promise.all([
    ctx.db.selectFrom('tags').selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('monitor_tags').selectAll().orderBy('id').execute(),
  ]);
  return JSON.stringify({ tags, links });
}

beforeAll(async () => {
  ctx = await createApiTestContext('tag-bad-input');
  user = await ctx.createUser('target');
  monitorId = await insertMonitor(ctx.db, user.tenantId, { name: 'untouchable' });
  client = await ctx.connect();
  await client.login(user);
  tagId = (await client.call<{ tag: { id: number } }>('addTag', { name: 'kept', color: 'c' })).tag
    .id;
  await client.call('addMonitorTag', tagId, monitorId, 'kept');
  snapshotBefore = await snapshot();
});
afterAll(async () => ctx?.close());

describe('tag events with malformed arguments', () => {
  for (const [event, valid] of EVENTS) {
    it(`${event} answers every wrong shape without changing anything`, async () => {
      const args = valid();
      const cases: unknown[][] = [[]];
      for (const value of Object.values(BAD_VALUES)) {
        args.forEach((_, i) => cases.push(args.map((v, j) => (i === j ? value : v))));
      }
      for (const call of cases) {
        const reply = await client.callRaw(event, ...call);
        const label = `${event}(${JSON.stringify(call)?.slice(0, 80)})`;
        expect(reply, label).toHaveLength(1);
        const [payload] = reply as [{ ok: unknown; msg: unknown }];
        expect(typeof payload.ok, label).toBe('boolean');
        expect(typeof payload.msg, label).toBe('string');
        expect(payload.msg, label).not.toBe('Internal error');
      }
      expect(await snapshot()).toBe(snapshotBefore);
    });
  }

  it('leaves Object.prototype untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tag events on an unauthenticated socket', () => {
  it('answer "You are not logged in." and change nothing', async () => {
    const anonymous = await ctx.connect();
    for (const [event, valid] of [...EVENTS, ['getTags', () => []] as const]) {
      expect(await anonymous.call(event, ...valid())).toEqual({
        ok: false,
        msg: 'You are not logged in.',
      });
    }
    expect(await snapshot()).toBe(snapshotBefore);
  });
});
