import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createMemoryChangeBus } from '../queue/../changes/memory-change-bus.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import { serviceContext, type ServiceContext } from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { addApiKey } from './add-api-key.js';
import { newApiKeySchema } from './api-key-input.js';
import { deleteApiKey } from './delete-api-key.js';
import { disableApiKey } from './disable-api-key.js';
import { enableApiKey } from './enable-api-key.js';
import { listApiKeys } from './list-api-keys.js';

let t: TestDatabase;
let a: ServiceContext;
let b: ServiceContext;
const pushes: { tenantId: number; event: string }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const events: TenantEvents = {
    emit(tenantId, event, ..._payload) {
      pushes.push({ tenantId, event });
    },
  };
  const ports = {
    db: t.db,
    events,
    changeBus: createMemoryChangeBus(),
    logger: pino({ level: 'silent' }),
    minIntervalSeconds: 20,
  };
  const tenant = (name: string) =>
    createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
  a = serviceContext(ports, await tenant('a'));
  b = serviceContext(ports, await tenant('b'));
});
afterAll(async () => t?.drop());

describe('API key services', () => {
  it('creates a write key by default, pushing the list before answering the clear key', async () => {
    pushes.length = 0;
    const created = await addApiKey(a, newApiKeySchema.parse({ name: 'ci' }));
    expect(created.key).toMatch(new RegExp(`^uk${created.id}_`));
    expect(pushes).toEqual([{ tenantId: a.tenantId, event: 'apiKeyList' }]);
    expect(await listApiKeys(a)).toEqual([
      expect.objectContaining({ id: created.id, name: 'ci', scope: 'write', active: 1 }),
    ]);
    expect(await listApiKeys(b)).toEqual([]);
  });

  it('leaves the list push of enable, disable and delete to the returned publish', async () => {
    const { id } = await addApiKey(a, newApiKeySchema.parse({ name: 'x', active: 0 }));
    pushes.length = 0;
    const results = [
      await enableApiKey(a, id),
      await disableApiKey(a, id),
      await deleteApiKey(a, id),
    ];
    expect(pushes).toEqual([]);
    for (const result of results) await result.publish();
    expect(pushes.map((p) => p.event)).toEqual(['apiKeyList', 'apiKeyList', 'apiKeyList']);
  });

  it('answers another tenant’s key like a missing one', async () => {
    const { id } = await addApiKey(a, newApiKeySchema.parse({ name: 'mine' }));
    await expect(disableApiKey(b, id)).rejects.toThrow('API key not found.');
    await expect(deleteApiKey(b, id)).rejects.toThrow('API key not found.');
    expect((await listApiKeys(a)).find((k) => k.id === id)?.status).toBe('active');
  });
});
