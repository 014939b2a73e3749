import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
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
let kit: ServiceTestKit;

beforeAll(async () => {
  t = await createTestDatabase();
  kit = createServiceTestKit(t.db);
  a = await kit.tenantContext('a');
  b = await kit.tenantContext('b');
});
afterAll(async () => t?.drop());

describe('API key services', () => {
  it('creates a write key by default, pushing the list before answering the clear key', async () => {
    kit.clearPushes();
    const created = await addApiKey(a, newApiKeySchema.parse({ name: 'ci' }));
    expect(created.key).toMatch(new RegExp(`^uk${created.id}_`));
    expect(kit.pushedEvents()).toEqual([{ tenantId: a.tenantId, event: 'apiKeyList' }]);
    expect(await listApiKeys(a)).toEqual([
      expect.objectContaining({ id: created.id, name: 'ci', scope: 'write', active: 1 }),
    ]);
    expect(await listApiKeys(b)).toEqual([]);
  });

  it('leaves the list push of enable, disable and delete to the returned publish', async () => {
    const { id } = await addApiKey(a, newApiKeySchema.parse({ name: 'x', active: 0 }));
    kit.clearPushes();
    const results = [
      await enableApiKey(a, id),
      await disableApiKey(a, id),
      await deleteApiKey(a, id),
    ];
    expect(kit.pushedEvents()).toEqual([]);
    for (const result of results) await result.publish();
    expect(kit.pushedEvents().map((p) => p.event)).toEqual([
      'apiKeyList',
      'apiKeyList',
      'apiKeyList',
    ]);
  });

  it('answers another tenant’s key like a missing one', async () => {
    const { id } = await addApiKey(a, newApiKeySchema.parse({ name: 'mine' }));
    await expect(disableApiKey(b, id)).rejects.toThrow('API key not found.');
    await expect(deleteApiKey(b, id)).rejects.toThrow('API key not found.');
    expect((await listApiKeys(a)).find((k) => k.id === id)?.status).toBe('active');
  });
});
