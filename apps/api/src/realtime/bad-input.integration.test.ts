import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// architecture rule 6: every event, whatever it is sent, answers {ok:false,msg} (or stays silent
// where the spec says so), changes nothing, and leaves the process serving.

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;
let monitorId: number;
let snapshotBefore: string;

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** Values of the wrong type or shape for any positional argument. */
const BAD_VALUES: Record<string, unknown> = {
  // Neither a monitor id nor a period (both must be positive).
  zero: 0,
  'negative integer': -7,
  float: -1.5,
  'huge number': 1e308,
  'unsafe integer': 2 ** 53 + 1,
  string: 'abc',
  'empty string': '',
  object: {},
  array: [],
  'nested array': [[1, 2], ['x']],
  null: null,
  boolean: true,
  'prototype keys': JSON.parse(
    '{"__proto__":{"ok":true,"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
  ),
  'deep nesting': nested(2_000),
  'NUL text': 'a\u0000b',
  binary: Buffer.from('binary'),
  'long string': 'x'.repeat(100_000),
};

const ADD_PAYLOADS: Record<string, Record<string, unknown>> = {
  'name of 100 KB': { name: 'n'.repeat(100_000) },
  'url of 1 MB': { url: `http://example.com/${'u'.repeat(1_000_000)}` },
  'body over 1 MB': { body: 'b'.repeat(1_100_000) },
  'empty name': { name: '' },
  'null name': { name: null },
  'object name': { name: { first: 'x' } },
  'unknown type': { type: 'telnet' },
  'array type': { type: ['http'] },
  'interval object': { interval: {} },
  'interval text': { interval: '60; DROP TABLE monitors' },
  'interval too large': { interval: 3_000_000 },
  'status codes as text': { accepted_statuscodes: '200-299' },
  'status codes as numbers': { accepted_statuscodes: [200] },
  'missing status codes': { accepted_statuscodes: undefined },
  'parent as text': { parent: 'abc' },
  'negative parent': { parent: -1 },
  'parent beyond int4': { parent: 2 ** 40 },
  'port out of range': { port: 99_999, type: 'port', hostname: 'example.com' },
  'headers not JSON': { headers: 'not json' },
  'javascript url': { url: 'javascript:alert(1)' },
  'notification list as array': { notificationIDList: [1, 2] },
  'oversized extra field': { kafkaProducerTopic: 'k'.repeat(100_000) },
  'push token with slashes': { type: 'push', pushToken: '../../etc/passwd' },
  'NUL in name': { name: 'we\u0000b' },
};

interface EventSpec {
  event: string;
  /** A valid argument list, used to place one bad value at each position. */
  valid: () => unknown[];
  expect: (reply: unknown[] | undefined, args: unknown[]) => void;
}

function expectFailure(reply: unknown[] | undefined): void {
  expect(reply).toHaveLength(1);
  const [payload] = reply as [Record<string, unknown>];
  // A monitor input's refusal may name its field (docs/protocol/monitors.md#field-hints).
  const { field, ...refusal } = payload;
  expect(Object.keys(refusal).sort()).toEqual(['msg', 'ok']);
  if (field !== undefined) expect(field).toEqual(expect.any(String));
  expect(payload.ok).toBe(false);
  expect(typeof payload.msg).toBe('string');
  expect(payload.msg).not.toBe('');
  expect(payload.msg).not.toBe('Internal error');
}

const EVENTS: EventSpec[] = [
  {
    event: 'needSetup',
    valid: () => [],
    expect: (reply) => expect(reply).toEqual([false]),
  },
  {
    event: 'setup',
    valid: () => ['newadmin', 'secret123'],
    expect: expectFailure,
  },
  {
    event: 'login',
    valid: () => [{ username: user.username, password: 'wrong-password1', token: '' }],
    // docs/protocol/authentication.md#login step 1: falsy data is not answered at all.
    expect: (reply, args) => {
      if (!args[0]) expect(reply).toBeUndefined();
      else expect(reply).toEqual([{ ok: false, msg: 'Incorrect username or password.' }]);
    },
  },
  {
    event: 'loginByToken',
    valid: () => ['not-a-token'],
    expect: (reply) => expect(reply).toEqual([{ ok: false, msg: 'Invalid token.' }]),
  },
  { event: 'add', valid: () => [httpMonitorPayload({ interval: 1 })], expect: expectFailure },
  {
    event: 'editMonitor',
    valid: () => [httpMonitorPayload({ id: monitorId, interval: 1 })],
    expect: expectFailure,
  },
  { event: 'deleteMonitor', valid: () => [999_999], expect: expectFailure },
  { event: 'pauseMonitor', valid: () => [999_999], expect: expectFailure },
  { event: 'resumeMonitor', valid: () => [999_999], expect: expectFailure },
  { event: 'getMonitor', valid: () => [999_999], expect: expectFailure },
  {
    event: 'getMonitorList',
    valid: () => [],
    // Takes no data arguments, so whatever is sent is ignored and the call succeeds.
    expect: (reply) => expect(reply).toEqual([{ ok: true }]),
  },
  {
    event: 'getMonitorBeats',
    valid: () => [monitorId, 0],
    expect: expectFailure,
  },
];

async function callOrSilence(
  c: TestClient,
  event: string,
  args: unknown[],
): Promise<unknown[] | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 500);
    c.socket.emit(event, ...args, (...reply: unknown[]) => {
      clearTimeout(timer);
      resolve(reply);
    });
  });
}

async function snapshot(): Promise<string> {
  const tables = ['tenants', 'users', 'monitors', 'monitor_state', 'heartbeats'] as const;
  const rows = await Promise.all(
    tables.map((table) => ctx.db.selectFrom(table).selectAll().execute()),
  );
  return JSON.stringify(
    rows.map((r) => [...r].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
  );
}

beforeAll(async () => {
  ctx = await createApiTestContext('bad-input');
  user = await ctx.createUser('target');
  monitorId = await insertMonitor(ctx.db, user.tenantId, { name: 'untouchable' });
  client = await ctx.connect();
  await client.login(user);
  snapshotBefore = await snapshot();
});

afterAll(async () => ctx?.close());

describe('malformed arguments', () => {
  for (const spec of EVENTS) {
    it(`${spec.event} answers every wrong shape without changing anything`, async () => {
      const valid = spec.valid();
      const cases: unknown[][] = [[]];
      for (const value of Object.values(BAD_VALUES)) {
        if (valid.length === 0) cases.push([value]);
        valid.forEach((_, i) => cases.push(valid.map((v, j) => (i === j ? value : v))));
      }
      for (const args of cases) {
        const reply = await callOrSilence(client, spec.event, args);
        const label = `${spec.event}(${JSON.stringify(args)?.slice(0, 80)})`;
        try {
          spec.expect(reply, args);
        } catch (error) {
          throw new Error(`${label}: ${(error as Error).message}`, { cause: error });
        }
      }
      expect(await snapshot()).toBe(snapshotBefore);
    });
  }

  for (const [title, overrides] of Object.entries(ADD_PAYLOADS)) {
    it(`add and editMonitor refuse a payload with ${title}`, async () => {
      const payload = httpMonitorPayload(overrides);
      expectFailure([await client.call('add', payload)]);
      expectFailure([await client.call('editMonitor', { ...payload, id: monitorId })]);
      expect(await snapshot()).toBe(snapshotBefore);
    });
  }

  it('editMonitor answers "Permission denied." for ids that are not usable', async () => {
    for (const id of ['abc', {}, -1, 0, 1.5, 2 ** 40, null, [monitorId]]) {
      expect(await client.call('editMonitor', httpMonitorPayload({ id }))).toEqual({
        ok: false,
        msg: 'Permission denied.',
      });
    }
    expect(await snapshot()).toBe(snapshotBefore);
  });

  it('leaves Object.prototype untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).ok).toBeUndefined();
  });
});

describe('calls without an ack function', () => {
  it('are ignored, even when their arguments are valid', async () => {
    const valid = httpMonitorPayload({ name: 'sneaky' });
    client.socket.emit('add', valid);
    client.socket.emit('editMonitor', { ...valid, id: monitorId, name: 'renamed' });
    client.socket.emit('pauseMonitor', monitorId);
    client.socket.emit('deleteMonitor', monitorId);
    client.socket.emit('setup', 'second', 'secret123');
    client.socket.emit('logout');
    // An ack placeholder that is not a function.
    client.socket.emit('deleteMonitor', monitorId, 'not a function');
    client.socket.emit('add', valid, { callback: true });
    expect(await client.call('getMonitorList')).toEqual({ ok: true });
    expect(await snapshot()).toBe(snapshotBefore);
  });

  it('do not log a socket in', async () => {
    const fresh = await ctx.connect();
    fresh.socket.emit('login', { username: user.username, password: user.password, token: '' });
    expect(await fresh.call('getMonitorList')).toEqual({
      ok: false,
      msg: 'You are not logged in.',
    });
  });
});

describe('an unauthenticated socket', () => {
  it('gets "You are not logged in." from every protected event, whatever it sends', async () => {
    const anonymous = await ctx.connect();
    const protectedEvents = EVENTS.map((e) => e.event).filter(
      (e) => !['needSetup', 'setup', 'login', 'loginByToken'].includes(e),
    );
    for (const event of protectedEvents) {
      for (const args of [[], [monitorId], [httpMonitorPayload({ id: monitorId })], [null, 24]]) {
        expect(await anonymous.call(event, ...args)).toEqual({
          ok: false,
          msg: 'You are not logged in.',
        });
      }
    }
    expect(await snapshot()).toBe(snapshotBefore);
  });
});

describe('after all of that', () => {
  it('drops a message over the size limit by closing that connection only', async () => {
    const greedy = await ctx.connect();
    const closed = new Promise((resolve) => greedy.socket.once('disconnect', resolve));
    greedy.socket.emit('getMonitor', 'x'.repeat(11 * 1024 * 1024), () => undefined);
    await closed;
    expect(await client.call('getMonitorList')).toEqual({ ok: true });
  });

  it('still serves, logged no internal error and changed nothing', async () => {
    expect(await client.call('needSetup')).toBe(false);
    expect(await client.call('getMonitor', monitorId)).toMatchObject({ ok: true });
    const fresh = await ctx.connect();
    await fresh.login(user);
    expect(ctx.logs.filter((l) => l.msg === 'socket handler failed')).toEqual([]);
    expect(await snapshot()).toBe(snapshotBefore);
  });

  it('logout acks with no arguments whatever it is sent', async () => {
    for (const value of Object.values(BAD_VALUES)) {
      expect(await client.callRaw('logout', value)).toEqual([]);
    }
  });
});
