import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { DOWN, UP } from '@watchpost/core';
import { PUSH_RATE_LIMIT } from '@watchpost/core/db';
import {
  createApiTestContext,
  httpMonitorPayload,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../../testing/api-test-context.js';

let ctx: ApiTestContext;
let alice: TestUser;
let bob: TestUser;
let a: TestClient;
let b: TestClient;

const NOT_FOUND = { ok: false, msg: 'Monitor not found or not active.' };

beforeAll(async () => {
  ctx = await createApiTestContext('push');
  alice = await ctx.createUser('alice');
  bob = await ctx.createUser('bob');
  a = await ctx.connect();
  await a.login(alice);
  b = await ctx.connect();
  await b.login(bob);
});
afterAll(async () => ctx?.close());

interface PushMonitor {
  id: number;
  token: string;
}

async function addPushMonitor(
  client: TestClient = a,
  overrides: Record<string, unknown> = {},
): Promise<PushMonitor> {
  const ack = await client.call<{ ok: boolean; monitorID: number }>(
    'add',
    httpMonitorPayload({ type: 'push', name: 'cron', ...overrides }),
  );
  expect(ack.ok).toBe(true);
  const { monitor } = await client.call<{ monitor: { pushToken: string } }>(
    'getMonitor',
    ack.monitorID,
  );
  return { id: ack.monitorID, token: monitor.pushToken };
}

async function push(token: string, query = '', init?: RequestInit) {
  const response = await fetch(`${ctx.node.url}/api/push/${token}${query}`, init);
  return { status: response.status, body: (await response.json()) as unknown, response };
}

/** Pushes and answers the `heartbeat` the client received for it. */
async function pushAndReceive(m: PushMonitor, query = '', init?: RequestInit) {
  const received = a.waitFor('heartbeat', {
    match: ([beat]) => (beat as { monitorID: number }).monitorID === m.id,
  });
  const reply = await push(m.token, query, init);
  expect(reply).toMatchObject({ status: 200, body: { ok: true } });
  return (await received)[0] as Record<string, unknown>;
}

function storedBeats(monitorId: number) {
  return ctx.db
    .selectFrom('heartbeats')
    .select(['status', 'msg', 'ping', 'important', 'duration', 'time'])
    .where('monitor_id', '=', monitorId)
    .orderBy('time')
    .orderBy('id')
    .execute();
}

describe('add of a push monitor', () => {
  it('generates a 32-character token when the client sends none', async () => {
    const m = await addPushMonitor();
    expect(m.token).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('keeps a token the client chose and refuses one already in use', async () => {
    const m = await addPushMonitor(a, { pushToken: 'alice-chosen-token' });
    expect(m.token).toBe('alice-chosen-token');
    const ack = await b.call('add', httpMonitorPayload({ type: 'push', pushToken: m.token }));
    expect(ack).toEqual({ ok: false, msg: expect.any(String), field: 'pushToken' });
  });
});

describe('GET/POST /api/push/:pushToken', () => {
  it('records an UP beat with msg and ping, stores it, then pushes it to the tenant', async () => {
    const m = await addPushMonitor();
    const beat = await pushAndReceive(m, '?status=up&msg=backup%20done&ping=12.5');
    expect(beat).toMatchObject({
      monitorID: m.id,
      status: UP,
      msg: 'backup done',
      ping: 12.5,
      important: true,
      duration: 0,
    });
    expect(await storedBeats(m.id)).toMatchObject([
      { status: UP, msg: 'backup done', ping: 12.5, important: true },
    ]);
    // Persist, then publish, then the statistics that follow every beat (docs/protocol/monitoring.md#scheduling-retries-and-resend step 6).
    await a.waitFor('uptime', {
      match: ([id, hours]) => id === m.id && hours === 720,
      includePast: true,
    });
    const state = await ctx.db
      .selectFrom('monitor_state')
      .selectAll()
      .where('monitor_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(state).toMatchObject({ status: UP, retries: 0, last_msg: 'backup done' });
    expect(state.last_beat_at).toEqual((await storedBeats(m.id))[0]!.time);
  });

  it('defaults to UP with msg "OK" and no ping', async () => {
    const m = await addPushMonitor();
    expect(await pushAndReceive(m)).toMatchObject({ status: UP, msg: 'OK', ping: null });
  });

  it('treats any status but "up" as DOWN and marks importance against the previous beat', async () => {
    const m = await addPushMonitor();
    const beats = [];
    for (const query of ['?status=up', '?status=up', '?status=down&msg=failed', '?status=0', '']) {
      beats.push(await pushAndReceive(m, query));
    }
    expect(beats.map((x) => [x.status, x.important])).toEqual([
      [UP, true],
      [UP, false],
      [DOWN, true],
      [DOWN, false],
      [UP, true],
    ]);
    expect((await storedBeats(m.id)).map((x) => [x.status, x.important, x.msg])).toEqual([
      [UP, true, 'OK'],
      [UP, false, 'OK'],
      [DOWN, true, 'failed'],
      [DOWN, false, 'OK'],
      [UP, true, 'OK'],
    ]);
  });

  it('flips the status of an upside-down monitor', async () => {
    const m = await addPushMonitor(a, { upsideDown: true });
    expect(await pushAndReceive(m, '?status=up')).toMatchObject({ status: DOWN, msg: 'OK' });
    expect(await pushAndReceive(m, '?status=down&msg=nope')).toMatchObject({
      status: UP,
      msg: 'nope',
      important: true,
    });
  });

  it('gives a null ping for missing, invalid and zero values', async () => {
    const m = await addPushMonitor();
    for (const query of ['?ping=abc', '?ping=0', '?ping=-3', '?ping=Infinity']) {
      expect(await pushAndReceive(m, query)).toMatchObject({ ping: null });
    }
  });

  it('accepts POST with the same query, whatever body comes along', async () => {
    const m = await addPushMonitor();
    expect(await pushAndReceive(m, '?status=down&msg=via-post', { method: 'POST' })).toMatchObject({
      status: DOWN,
      msg: 'via-post',
    });
    const bodies: RequestInit[] = [
      {
        method: 'POST',
        body: 'status=down',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } },
      {
        method: 'POST',
        body: JSON.stringify({ status: 'down' }),
        headers: { 'content-type': 'application/json' },
      },
      { method: 'POST', body: 'plain', headers: { 'content-type': 'text/plain' } },
    ];
    for (const init of bodies) {
      // The body is ignored: only the query says what happened.
      expect(await pushAndReceive(m, '?msg=body-ignored', init)).toMatchObject({
        status: UP,
        msg: 'body-ignored',
      });
    }
  });

  it('answers JSON that no cache keeps', async () => {
    const m = await addPushMonitor();
    const { response } = await push(m.token);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('does not count a HEAD request as a push', async () => {
    const m = await addPushMonitor();
    const response = await fetch(`${ctx.node.url}/api/push/${m.token}`, { method: 'HEAD' });
    expect(response.status).toBe(404);
    expect(await storedBeats(m.id)).toEqual([]);
  });
});

describe('tokens that do not lead to an active monitor', () => {
  it('answers 404 for an unknown token and a token no monitor can have', async () => {
    for (const token of ['unknownToken123', 'a'.repeat(65), 'bad%20token', '%00']) {
      expect(await push(token)).toMatchObject({ status: 404, body: NOT_FOUND });
      expect(await push(token, '', { method: 'POST' })).toMatchObject({
        status: 404,
        body: NOT_FOUND,
      });
    }
  });

  it('answers 404 for a paused monitor and records nothing; resuming it lets pushes in', async () => {
    const m = await addPushMonitor();
    expect(await a.call('pauseMonitor', m.id)).toMatchObject({ ok: true });
    expect(await push(m.token)).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await storedBeats(m.id)).toEqual([]);
    expect(await a.call('resumeMonitor', m.id)).toMatchObject({ ok: true });
    expect(await pushAndReceive(m)).toMatchObject({ status: UP });
  });

  it('answers 404 for a monitor inside a paused group', async () => {
    const group = await a.call<{ monitorID: number }>(
      'add',
      httpMonitorPayload({ type: 'group', name: 'jobs' }),
    );
    const m = await addPushMonitor(a, { parent: group.monitorID });
    expect(await a.call('pauseMonitor', group.monitorID)).toMatchObject({ ok: true });
    expect(await push(m.token)).toMatchObject({ status: 404, body: NOT_FOUND });
  });

  it('answers 404 once the monitor is deleted', async () => {
    const m = await addPushMonitor();
    expect(await a.call('deleteMonitor', m.id)).toMatchObject({ ok: true });
    expect(await push(m.token)).toMatchObject({ status: 404, body: NOT_FOUND });
  });
});

describe('bad input', () => {
  it('cuts a huge msg and drops NUL characters instead of failing', async () => {
    const m = await addPushMonitor();
    const huge = await pushAndReceive(m, `?msg=${'x'.repeat(8000)}`);
    expect((huge.msg as string).length).toBe(1024);
    expect(await pushAndReceive(m, '?msg=a%00b%00')).toMatchObject({ msg: 'ab' });
    expect(await pushAndReceive(m, '?msg=%FF%FE%E2%28')).toMatchObject({ status: UP });
    expect(await pushAndReceive(m, '?ping=1e308')).toMatchObject({ ping: 1e9 });
  });

  it('answers a URL beyond the header limit and an oversized body with a 4xx', async () => {
    const m = await addPushMonitor();
    const longUrl = await fetch(`${ctx.node.url}/api/push/${m.token}?msg=${'x'.repeat(40_000)}`);
    expect(longUrl.status).toBe(431);
    const bigBody = await fetch(`${ctx.node.url}/api/push/${m.token}`, {
      method: 'POST',
      body: 'x'.repeat(200_000),
      headers: { 'content-type': 'text/plain' },
    });
    expect(bigBody.status).toBe(413);
    expect(await storedBeats(m.id)).toEqual([]);
    // The node is unharmed.
    expect(await pushAndReceive(m)).toMatchObject({ status: UP });
  });
});

describe('concurrent pushes', () => {
  it('serialise per monitor: every beat refers to the one stored before it', async () => {
    const m = await addPushMonitor();
    const statuses = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'down' : 'up'));
    const replies = await Promise.all(statuses.map((s) => push(m.token, `?status=${s}`)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const beats = await storedBeats(m.id);
    expect(beats).toHaveLength(statuses.length);
    beats.forEach((beat, i) => {
      const previous = beats[i - 1];
      expect(beat.important).toBe(previous === undefined || previous.status !== beat.status);
      if (previous) {
        expect(beat.time.getTime()).toBeGreaterThan(previous.time.getTime());
      }
    });
    const state = await ctx.db
      .selectFrom('monitor_state')
      .select(['status', 'last_beat_at'])
      .where('monitor_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: beats.at(-1)!.status, last_beat_at: beats.at(-1)!.time });
  });
});

describe('tenant isolation', () => {
  it('pushes a tenant’s beats to its own sockets only, on every node', async () => {
    const m = await addPushMonitor();
    const aOnOtherNode = await ctx.connect(await ctx.startNode());
    await aOnOtherNode.login(alice);
    const bobSawBefore = b.events.length;
    const other = aOnOtherNode.waitFor('heartbeat', {
      match: ([beat]) => (beat as { monitorID: number }).monitorID === m.id,
    });
    await pushAndReceive(m, '?msg=secret-of-alice');
    await other;
    // Bob's own push afterwards: once it arrived, Alice's would have too.
    const bobs = await addPushMonitor(b);
    const bobReceived = b.waitFor('heartbeat', {
      match: ([beat]) => (beat as { monitorID: number }).monitorID === bobs.id,
    });
    expect((await push(bobs.token)).status).toBe(200);
    await bobReceived;
    const leaked = b
      .pushesSince(bobSawBefore)
      .filter((e) => JSON.stringify(e.args).includes('secret-of-alice'));
    expect(leaked).toEqual([]);
    expect(
      b
        .pushesSince(bobSawBefore, 'heartbeat')
        .map((e) => (e.args[0] as { monitorID: number }).monitorID),
    ).toEqual([bobs.id]);
    // Bob's push did not land on Alice's monitor either.
    await waitFor(async () => expect(await storedBeats(bobs.id)).toHaveLength(1));
    expect((await storedBeats(m.id)).map((x) => x.msg)).toEqual(['secret-of-alice']);
  });
});

describe('per-token rate limit (docs/protocol/http.md#push-endpoint)', () => {
  const beatCount = async (monitorId: number) =>
    (
      await ctx.db
        .selectFrom('heartbeats')
        .select('id')
        .where('monitor_id', '=', monitorId)
        .execute()
    ).length;

  it('answers 429 with Kuma-like JSON once a token used its pushes of the minute, storing nothing', async () => {
    const flooded = await addPushMonitor(a, { name: 'flood' });
    const calm = await addPushMonitor(a, { name: 'calm' });
    let published = 0;
    // Each push's statistics close its publishing; the context must not close before them.
    const allPublished = a.waitFor('uptime', {
      match: ([id, hours]) =>
        id === flooded.id && hours === 720 && ++published === PUSH_RATE_LIMIT.limit,
    });
    for (let i = 0; i < PUSH_RATE_LIMIT.limit; i++) {
      expect((await push(flooded.token)).status).toBe(200);
    }
    const refused = await push(flooded.token, '?status=down&msg=late');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ ok: false, msg: 'Too frequently, try again later.' });
    expect(refused.response.headers.get('retry-after')).toBe('60');
    expect(await beatCount(flooded.id)).toBe(PUSH_RATE_LIMIT.limit);
    // Another token of the same tenant has its own budget.
    // Waits for its statistics too, so nothing is still publishing when the context closes.
    const calmPublished = a.waitFor('uptime', {
      match: ([id, hours]) => id === calm.id && hours === 720,
    });
    await pushAndReceive(calm);
    await Promise.all([allPublished, calmPublished]);
  });
});
