import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, UP, type MonitorStatus } from '@watchpost/core';
import { createPostgresDb, heartbeatRepository, type BeatToRecord } from '@watchpost/core/db';
import type { MonitorChange } from '@watchpost/core/changes';
import {
  createApiTestContext,
  insertMonitor,
  type ApiTestContext,
} from '../../testing/api-test-context.js';
import { registerBadgeRoutes } from './badge-routes.js';
import { inspectSvg } from './inspect-svg.js';

const HOUR_MS = 3_600_000;

let ctx: ApiTestContext;
let tenantId: number;

function beatAt(
  monitorId: number,
  status: MonitorStatus,
  hoursAgo: number,
  pingMs: number | null,
): BeatToRecord {
  const time = new Date(Date.now() - hoursAgo * HOUR_MS);
  return {
    tenantId,
    monitorId,
    status,
    msg: '',
    time,
    pingMs,
    durationSec: 60,
    downCount: 0,
    important: false,
    retries: 0,
    nextDueAt: new Date(time.getTime() + 60_000),
  };
}

async function title(path: string): Promise<string> {
  const response = await fetch(`${ctx.node.url}${path}`);
  expect(response.status).toBe(200);
  return inspectSvg(await response.text()).title;
}

beforeAll(async () => {
  ctx = await createApiTestContext('badge-windows');
  ({ tenantId } = await ctx.createUser('windows'));
});
afterAll(async () => ctx?.close());

describe('uptime and ping windows', () => {
  it('come from the aggregates: the same answers after every heartbeat row is gone', async () => {
    const id = await insertMonitor(ctx.db, tenantId, { name: 'windowed', badgesPublic: true });
    // Last day: 3 up (100, 200, 300 ms) and 1 down without ping. Days 3–20: 4 down at 1000 ms.
    // Oldest first, so the latest state (monitor_state) is the UP beat of 1 h ago.
    await heartbeatRepository.recordBeats(ctx.db, [
      beatAt(id, DOWN, 20 * 24, 1000),
      beatAt(id, DOWN, 10 * 24, 1000),
      beatAt(id, DOWN, 5 * 24, 1000),
      beatAt(id, DOWN, 3 * 24, 1000),
      beatAt(id, DOWN, 6, null),
      beatAt(id, UP, 5, 100),
      beatAt(id, UP, 3, 200),
      beatAt(id, UP, 1, 300),
    ]);
    const expected = {
      day: 'Uptime (24h): 75.00%',
      month: 'Uptime (720h): 37.50%',
      pingDay: 'Avg. Ping (24h): 200ms',
      // (100 + 200 + 300 + 4 × 1000) / 7 = 657.1, truncated.
      pingMonth: 'Avg. Ping (720h): 657ms',
      responseMonth: 'Avg. Response (720h): 657ms',
      tenHours: 'Uptime (10h): 75.00%',
    };
    const read = async (bust: string) => ({
      day: await title(`/api/badge/${id}/uptime?b=${bust}`),
      month: await title(`/api/badge/${id}/uptime/720?b=${bust}`),
      pingDay: await title(`/api/badge/${id}/ping?b=${bust}`),
      pingMonth: await title(`/api/badge/${id}/ping/720?b=${bust}`),
      responseMonth: await title(`/api/badge/${id}/avg-response/720?b=${bust}`),
      tenHours: await title(`/api/badge/${id}/uptime/10?b=${bust}`),
    });
    expect(await read('before')).toEqual(expected);

    await sql`DELETE FROM heartbeats WHERE monitor_id = ${id}`.execute(ctx.db);
    expect(await read('after')).toEqual(expected);
  });

  it('fall back to the latest status when the window holds no beats (docs/protocol/monitoring.md#uptime)', async () => {
    const id = await insertMonitor(ctx.db, tenantId, { name: 'quiet', badgesPublic: true });
    await heartbeatRepository.recordBeats(ctx.db, [beatAt(id, UP, 48, 40)]);
    expect(await title(`/api/badge/${id}/uptime`)).toBe('Uptime (24h): 100.0%');
    expect(await title(`/api/badge/${id}/uptime/72`)).toBe('Uptime (72h): 100.0%');
    // No ping samples in the last 24 h: N/A, as upstream.
    expect(await title(`/api/badge/${id}/ping`)).toBe('N/A');
    expect(await title(`/api/badge/${id}/ping/72`)).toBe('Avg. Ping (72h): 40ms');
  });
});

describe('the server-side cache', () => {
  it('answers a repeat from memory until the TTL, then shows the new status', async () => {
    const id = await insertMonitor(ctx.db, tenantId, { name: 'cached', badgesPublic: true });
    await heartbeatRepository.recordBeats(ctx.db, [beatAt(id, UP, 0.1, 10)]);
    let now = Date.now();
    const app = Fastify();
    registerBadgeRoutes(app, { db: ctx.db, now: () => now });
    const read = async () => {
      const res = await app.inject({ method: 'GET', url: `/api/badge/${id}/status` });
      return inspectSvg(res.body).title;
    };
    try {
      expect(await read()).toBe('Status: Up');
      await heartbeatRepository.recordBeats(ctx.db, [beatAt(id, DOWN, 0, null)]);
      // Still the cached answer: the hit did not read the database.
      now += 29_000;
      expect(await read()).toBe('Status: Up');
      now += 1_000;
      expect(await read()).toBe('Status: Down');
    } finally {
      await app.close();
    }
  });

  it('empties on a monitor change published on the bus', async () => {
    const id = await insertMonitor(ctx.db, tenantId, { name: 'bussed', badgesPublic: true });
    await heartbeatRepository.recordBeats(ctx.db, [beatAt(id, UP, 0.1, 10)]);
    let notify: (change: MonitorChange) => void = () => undefined;
    const app = Fastify();
    registerBadgeRoutes(app, {
      db: ctx.db,
      changeBus: { subscribe: async (handler) => void (notify = handler) },
    });
    const read = async () =>
      inspectSvg((await app.inject({ method: 'GET', url: `/api/badge/${id}/status` })).body).title;
    try {
      expect(await read()).toBe('Status: Up');
      await sql`UPDATE monitors SET badges_public = false WHERE id = ${id}`.execute(ctx.db);
      expect(await read()).toBe('Status: Up');
      notify({ kind: 'upsert', monitorId: id, tenantId });
      expect(await read()).toBe('N/A');
    } finally {
      await app.close();
    }
  });

  it('answers 503 JSON, and caches nothing, when the database fails', async () => {
    // Nothing listens on port 1: every query fails fast with "connection refused".
    const failing = createPostgresDb({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const app = Fastify();
    registerBadgeRoutes(app, { db: failing });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await app.inject({ method: 'GET', url: '/api/badge/1/status' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ status: 'fail', msg: 'Badge temporarily unavailable' });
        expect(res.headers['access-control-allow-origin']).toBe('*');
      }
    } finally {
      await Promise.all([app.close(), failing.destroy()]);
    }
  });
});
