import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@watchpost/core/auth';
import { statusPageRepository, tenantRepository } from '@watchpost/core/db';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import {
  connectKumaTestClient,
  createTestDatabase,
  waitFor,
  type KumaTestClient,
  type TestDatabase,
} from '@watchpost/core/testing';
import { parseApiConfig } from '../../config.js';
import { startApi, type RunningApi } from '../../start-api.js';

// Embedded mode: one node, no Redis, the in-memory change bus. A save must empty the public
// cache there too, not only through Redis.

let database: TestDatabase;
let api: RunningApi;
let client: KumaTestClient;
let tenantId: number;

const url = (path: string) => `http://127.0.0.1:${api.port}${path}`;
const title = async () => {
  const res = await fetch(url('/api/status-page/main'));
  return ((await res.json()) as { config: { title: string } }).config.title;
};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ tenantId } = await tenantRepository.createTenantWithAdmin(database.db, {
    name: 'solo',
    username: 'solo',
    passwordHash: await hashPassword('secret123'),
  }));
  await statusPageRepository.createStatusPage(database.db, tenantId, {
    title: 'First',
    slug: 'main',
  });
  api = await startApi({
    db: database.db,
    changeBus: createMemoryChangeBus(),
    logger: pino({ level: 'silent' }),
    config: parseApiConfig({ PORT: '0', HOST: '127.0.0.1' }, 'embedded'),
  });
  client = await connectKumaTestClient(url(''));
  await client.login({ username: 'solo', password: 'secret123' });
});
afterAll(async () => {
  client?.close();
  await api?.close();
  await database?.drop();
});

describe('the public response cache in embedded mode', () => {
  it('serves from memory until a save through the socket API', async () => {
    expect(await title()).toBe('First');
    await database.db
      .updateTable('status_pages')
      .set({ title: 'Behind the back' })
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(await title()).toBe('First');

    const ack = await client.call<{ ok: boolean }>(
      'saveStatusPage',
      'main',
      { slug: 'main', title: 'Saved' },
      '/icon.svg',
      [],
    );
    expect(ack.ok).toBe(true);
    await waitFor(async () => expect(await title()).toBe('Saved'), { timeoutMs: 2_000 });
  });

  it('forgets a deleted page at once', async () => {
    expect(await title()).toBe('Saved');
    await client.call('deleteStatusPage', 'main');
    await waitFor(async () => expect((await fetch(url('/api/status-page/main'))).status).toBe(404));
  });
});
