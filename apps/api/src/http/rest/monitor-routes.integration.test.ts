import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatRepository } from '@watchpost/core/db';
import { DOWN, UP } from '@watchpost/core';
import {
  createApiTestContext,
  httpMonitorPayload,
  insertMonitor,
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
const call = (method: string, path: string, options?: Parameters<typeof rest>[3]) =>
  rest(ctx.node.url, method, path, options);

beforeAll(async () => {
  ctx = await createApiTestContext('rest-monitors');
  alice = await createRestTenant(ctx, 'alice');
  bob = await createRestTenant(ctx, 'bob');
});
afterAll(() => ctx.close());

/** A check found the monitor DOWN. */
function recordDownBeat(tenantId: number, monitorId: number) {
  return heartbeatRepository.recordBeats(ctx.db, [
    {
      tenantId,
      monitorId,
      status: DOWN,
      msg: 'refused',
      time: new Date(),
      pingMs: null,
      durationSec: 60,
      downCount: 1,
      important: true,
      retries: 0,
      nextDueAt: new Date(Date.now() + 60_000),
    },
  ]);
}

describe('monitors', () => {
  it('creates a monitor that appears live in a dashboard logged in to the tenant', async () => {
    const dashboard = await ctx.connect();
    await dashboard.login(alice.user);
    const pushed = dashboard.waitFor('monitorList', {
      match: ([list]) =>
        Object.values(list as Record<string, { name: string }>).some((m) => m.name === 'rest-made'),
    });
    const created = await call('POST', '/monitors', {
      credential: alice.writeKey,
      body: httpMonitorPayload({ name: 'rest-made', active: false }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/monitors/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'rest-made',
      type: 'http',
      active: false,
      status: null,
    });
    await pushed;

    const fetched = await call('GET', `/monitors/${created.body.id}`, {
      credential: alice.readKey,
    });
    expect(fetched.status).toBe(200);
    expect(fetched.body.id).toBe(created.body.id);
  });

  it('refuses bad input with the field to blame and stores nothing', async () => {
    const before = await call('GET', '/monitors', { credential: alice.readKey });
    const response = await call('POST', '/monitors', {
      credential: alice.writeKey,
      body: httpMonitorPayload({ name: 'bad', interval: 1 }),
    });
    expectRestError(response, 400, 'invalid-input');
    expect(response.body.error.field).toBe('interval');
    const notJson = await call('POST', '/monitors', {
      credential: alice.writeKey,
      body: '{"name":',
    });
    expectRestError(notJson, 400, 'invalid-input');
    const after = await call('GET', '/monitors', { credential: alice.readKey });
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it("answers another tenant's monitor exactly like an unknown one", async () => {
    const bobs = await insertMonitor(ctx.db, bob.user.tenantId, { name: 'bobs' });
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['GET', '/heartbeats'],
      ['GET', '/uptime?window=24h'],
    ] as const) {
      const body = method === 'PATCH' || method === 'PUT' ? { name: 'stolen' } : undefined;
      const theirs = await call(method, `/monitors/${bobs}${suffix}`, {
        credential: alice.writeKey,
        body,
      });
      const unknown = await call(method, `/monitors/999999${suffix}`, {
        credential: alice.writeKey,
        body,
      });
      expectRestError(theirs, 404, 'not-found');
      expect(theirs.body).toEqual(unknown.body);
    }
    const still = await call('GET', `/monitors/${bobs}`, { credential: bob.readKey });
    expect(still.body).toMatchObject({ name: 'bobs', active: true });
  });

  it('patches only the named fields, replaces with PUT, pauses, resumes and deletes', async () => {
    const id = await insertMonitor(ctx.db, alice.user.tenantId, { name: 'crud', interval: 120 });
    const patched = await call('PATCH', `/monitors/${id}`, {
      credential: alice.writeKey,
      body: { name: 'crud2' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'crud2', interval: 120 });

    const replaced = await call('PUT', `/monitors/${id}`, {
      credential: alice.writeKey,
      body: httpMonitorPayload({ name: 'crud3' }),
    });
    expect(replaced.body).toMatchObject({ name: 'crud3', interval: 60 });

    expect(
      (await call('POST', `/monitors/${id}/pause`, { credential: alice.writeKey })).body.active,
    ).toBe(false);
    expect(
      (await call('POST', `/monitors/${id}/resume`, { credential: alice.writeKey })).body.active,
    ).toBe(true);

    const deleted = await call('DELETE', `/monitors/${id}`, { credential: alice.writeKey });
    expect(deleted.status).toBe(204);
    expectRestError(
      await call('GET', `/monitors/${id}`, { credential: alice.readKey }),
      404,
      'not-found',
    );
  });

  it('answers 304 to a matching If-None-Match on a resource its ETag wholly covers', async () => {
    const created = await call('POST', '/tags', {
      credential: alice.writeKey,
      body: { name: 'etag', color: '#123456' },
    });
    const path = `/tags/${created.body.id}`;
    const first = await call('GET', path, { credential: alice.readKey });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await call('GET', path, {
      credential: alice.readKey,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('keeps a monitor’s ETag through checks and changes it with an edit', async () => {
    const id = await insertMonitor(ctx.db, alice.user.tenantId, { name: 'etag' });
    const read = () => call('GET', `/monitors/${id}`, { credential: alice.writeKey });
    const before = await read();
    const etag = before.headers.get('etag') as string;
    expect(before.body.status).toBeNull();

    await recordDownBeat(alice.user.tenantId, id);
    const afterBeat = await read();
    expect(afterBeat.body.status).toBe('down');
    expect(afterBeat.headers.get('etag')).toBe(etag);
    // The tag does not vouch for the status, so a revalidation gets the new body.
    const revalidated = await call('GET', `/monitors/${id}`, {
      credential: alice.readKey,
      headers: { 'if-none-match': etag },
    });
    expect(revalidated).toMatchObject({ status: 200, body: { status: 'down' } });

    const ok = await call('PATCH', `/monitors/${id}`, {
      credential: alice.writeKey,
      body: { name: 'etag2' },
      headers: { 'if-match': etag },
    });
    expect(ok.status).toBe(200);
    const edited = await read();
    expect(edited.headers.get('etag')).not.toBe(etag);
    const stale = await call('PATCH', `/monitors/${id}`, {
      credential: alice.writeKey,
      body: { name: 'etag3' },
      headers: { 'if-match': etag },
    });
    expectRestError(stale, 412, 'precondition-failed');
    const paused = await call('POST', `/monitors/${id}/pause`, {
      credential: alice.writeKey,
      headers: { 'if-match': edited.headers.get('etag') as string },
    });
    expect(paused.status).toBe(200);
    expect((await read()).headers.get('etag')).not.toBe(edited.headers.get('etag'));
    expect((await read()).body).toMatchObject({ name: 'etag2', active: false });
  });

  it('filters and pages the list, with an empty page, a last page and a bad cursor', async () => {
    const carol = await createRestTenant(ctx, 'carol');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await insertMonitor(
          ctx.db,
          carol.user.tenantId,
          {
            name: `site ${i}`,
            url: `http://127.0.0.1:1/${i}`,
            ...(i === 4 && { type: 'port', hostname: 'db.example', port: 5432 }),
          },
          i !== 3,
        ),
      );
    }
    await recordDownBeat(carol.user.tenantId, ids[0] as number);
    const list = (query: string) => call('GET', `/monitors${query}`, { credential: carol.readKey });

    const first = await list('?limit=2');
    expect(first.body.data.map((m: { id: number }) => m.id)).toEqual(ids.slice(0, 2));
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((m: { id: number }) => m.id)).toEqual(ids.slice(2, 4));
    const last = await list(`?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body).toEqual({
      data: [expect.objectContaining({ id: ids[4] })],
      nextCursor: null,
    });

    expect((await list('?search=nothing-like-this')).body).toEqual({ data: [], nextCursor: null });
    expect((await list('?type=port')).body.data.map((m: { id: number }) => m.id)).toEqual([ids[4]]);
    expect((await list('?active=false')).body.data.map((m: { id: number }) => m.id)).toEqual([
      ids[3],
    ]);
    expect((await list('?status=down')).body.data.map((m: { id: number }) => m.id)).toEqual([
      ids[0],
    ]);
    expect((await list('?search=DB.EXAMPLE')).body.data.map((m: { id: number }) => m.id)).toEqual([
      ids[4],
    ]);

    expectRestError(await list('?cursor=garbage'), 400, 'invalid-input');
    expectRestError(await list('?limit=0'), 400, 'invalid-input');
    expectRestError(await list('?status=sideways'), 400, 'invalid-input');
    expect((await list('?cursor=garbage')).body.error.field).toBe('cursor');
  });
});

describe('heartbeats and uptime', () => {
  it('pages beats back in time and reports uptime over any window', async () => {
    const id = await insertMonitor(ctx.db, alice.user.tenantId, { name: 'beats' });
    const now = Date.now();
    await heartbeatRepository.recordBeats(
      ctx.db,
      ([UP, UP, DOWN, UP, UP] as const).map((status, i) => ({
        tenantId: alice.user.tenantId,
        monitorId: id,
        status,
        msg: '',
        time: new Date(now - (5 - i) * 60_000),
        pingMs: 100 + i,
        durationSec: 60,
        downCount: 0,
        important: false,
        retries: 0,
        nextDueAt: new Date(now + 60_000),
      })),
    );
    const page = (query: string) =>
      call('GET', `/monitors/${id}/heartbeats${query}`, { credential: alice.readKey });
    const first = await page('?limit=2');
    expect(first.body.data.map((b: { ping: number }) => b.ping)).toEqual([104, 103]);
    const second = await page(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((b: { ping: number }) => b.ping)).toEqual([102, 101]);
    const third = await page(`?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body).toEqual({
      data: [expect.objectContaining({ ping: 100 })],
      nextCursor: null,
    });
    expect((await page('?window=1h&limit=10')).body.data).toHaveLength(5);
    expectRestError(await page('?window=400d'), 400, 'invalid-input');
    expectRestError(await page('?cursor=%%%'), 400, 'invalid-input');

    const uptime = await call('GET', `/monitors/${id}/uptime?window=24h`, {
      credential: alice.readKey,
    });
    expect(uptime.body).toMatchObject({
      monitorId: id,
      window: '1d',
      hours: 24,
      up: 4,
      down: 1,
      uptime: 0.8,
    });
    expect(uptime.body.avgResponseTimeMs).toBe(102);
    const year = await call('GET', `/monitors/${id}/uptime?window=365d`, {
      credential: alice.readKey,
    });
    expect(year.body).toMatchObject({ hours: 8760, uptime: 0.8 });
    expectRestError(
      await call('GET', `/monitors/${id}/uptime?window=0h`, { credential: alice.readKey }),
      400,
      'invalid-input',
    );
    expectRestError(
      await call('GET', `/monitors/${id}/uptime`, { credential: alice.readKey }),
      400,
      'invalid-input',
    );
  });
});
