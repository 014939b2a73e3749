import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyRepository, tenantRepository, type ApiKeyScope } from '@watchpost/core/db';
import { createTestDatabase, type TestDatabase } from '@watchpost/core/testing';
import { principalOf, requireApiKey } from './authenticate-request.js';

// The shared guard every authenticated HTTP route uses, tested on routes of its own.

let database: TestDatabase;
let app: FastifyInstance;
let tenantId: number;
let keys: Record<ApiKeyScope, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await tenantRepository.createTenantWithAdmin(database.db, {
    name: 't',
    username: 'alice',
    passwordHash: 'x',
  });
  tenantId = created.tenantId;
  const make = async (scope: ApiKeyScope) =>
    (
      await apiKeyRepository.createApiKey(database.db, tenantId, created.userId, {
        name: scope,
        expires: null,
        expiresAt: null,
        active: true,
        scope,
      })
    ).key;
  keys = { read: await make('read'), write: await make('write') };

  app = Fastify();
  const answer = async (request: Parameters<typeof principalOf>[0]) => principalOf(request);
  app.get('/read', { preHandler: requireApiKey(database.db) }, answer);
  app.post('/write', { preHandler: requireApiKey(database.db, { scope: 'write' }) }, answer);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const inject = (method: 'GET' | 'POST', url: string, authorization?: string) =>
  app.inject({ method, url, headers: authorization ? { authorization } : {} });

describe('requireApiKey', () => {
  it('hands the route the key’s tenant and scope', async () => {
    const response = await inject('GET', '/read', `Bearer ${keys.read}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ tenantId, scope: 'read', username: 'alice' });
  });

  it('explains a missing or bad key in JSON with a Bearer challenge', async () => {
    const missing = await inject('GET', '/read');
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(missing.json()).toEqual({ ok: false, msg: expect.stringContaining('API key') });

    const bad = await inject('GET', '/read', 'Bearer uk1_nope');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({
      ok: false,
      msg: 'Malformed API key: expected uk<id>_<key>.',
    });
  });

  it('refuses a read key on a write route with 403 and lets a write key through', async () => {
    const read = await inject('POST', '/write', `Bearer ${keys.read}`);
    expect(read.statusCode).toBe(403);
    expect(read.json()).toEqual({ ok: false, msg: 'This API key is read-only.' });
    const write = await inject('POST', '/write', `Bearer ${keys.write}`);
    expect(write.statusCode).toBe(200);
    expect(write.json()).toMatchObject({ tenantId, scope: 'write' });
  });
});
