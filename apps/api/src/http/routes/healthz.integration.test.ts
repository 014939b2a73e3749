import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '@watchpost/core/db';
import { createApiTestContext, type ApiTestContext } from '../../testing/api-test-context.js';
import { registerSecurityHeaders } from '../security-headers.js';
import { registerHealthzRoute } from './healthz.js';

let ctx: ApiTestContext;

beforeAll(async () => {
  ctx = await createApiTestContext('healthz');
});
afterAll(async () => ctx?.close());

describe('GET /healthz', () => {
  it('answers 200 {ok:true} with Kuma’s headers when Postgres and Redis answer', async () => {
    const response = await fetch(`${ctx.node.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.has('x-powered-by')).toBe(false);
  });

  it('answers /healthz/live and /healthz/ready apart from /healthz', async () => {
    for (const path of ['/healthz/live', '/healthz/ready']) {
      const response = await fetch(`${ctx.node.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it('stays live while a dependency fails, and says it is not ready', async () => {
    const app = Fastify();
    registerHealthzRoute(app, {
      probes: { redis: () => Promise.reject(new Error('connection refused')) },
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/healthz/live' })).statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/healthz/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ ok: false, failed: ['redis'] });
    } finally {
      await app.close();
    }
  });

  it('sends X-Frame-Options on a 404 too', async () => {
    const response = await fetch(`${ctx.node.url}/no-such-route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers 503 naming every dependency that does not answer', async () => {
    // Nothing listens on port 1: both fail fast with "connection refused".
    const db = createPostgresDb({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const healthyRedis = ctx.redis();
    const app = Fastify();
    registerSecurityHeaders(app);
    registerHealthzRoute(app, {
      probes: { database: () => sql`select 1`.execute(db), redis: () => redis.ping() },
    });
    const brokenBoth = await app.inject({ method: 'GET', url: '/healthz' });

    const dbOnly = Fastify();
    registerHealthzRoute(dbOnly, {
      probes: { database: () => sql`select 1`.execute(db), redis: () => healthyRedis.ping() },
    });
    const brokenDb = await dbOnly.inject({ method: 'GET', url: '/healthz' });
    try {
      expect(brokenBoth.statusCode).toBe(503);
      expect(brokenBoth.json()).toEqual({ ok: false, failed: ['database', 'redis'] });
      expect(brokenBoth.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(brokenDb.statusCode).toBe(503);
      expect(brokenDb.json()).toEqual({ ok: false, failed: ['database'] });
    } finally {
      await Promise.all([app.close(), dbOnly.close(), db.destroy()]);
      redis.disconnect();
    }
  });

  it('keeps answering the Socket.IO handshake on the same port', async () => {
    const response = await fetch(`${ctx.node.url}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^0\{"sid":/);
  });
});
