import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tenantRepository from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import * as apiKeyRepository from './api-key-repository.js';
import type { NewApiKey } from './api-key-repository.js';
import { parseApiKey } from './api-key-secret.js';
import { verifyApiKey } from './verify-api-key.js';

let database: BackendTestDatabase;
let alice: { tenantId: number; userId: number };
let bob: { tenantId: number; userId: number };

const NOW = new Date('2030-06-01T12:00:00Z');

// The same code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    alice = await tenantRepository.createTenantWithAdmin(database.db, {
      name: 'a',
      username: 'alice',
      passwordHash: 'x',
    });
    bob = await tenantRepository.createTenantWithAdmin(database.db, {
      name: 'b',
      username: 'bob',
      passwordHash: 'x',
    });
  });
  afterAll(async () => database?.drop());

  function makeKey(overrides: Partial<NewApiKey> = {}, owner = alice) {
    return apiKeyRepository.createApiKey(database.db, owner.tenantId, owner.userId, {
      name: 'k',
      expires: null,
      expiresAt: null,
      active: true,
      scope: 'write',
      ...overrides,
    });
  }

  async function lastUsed(id: number): Promise<Date | null | undefined> {
    const row = await database.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.last_used_at;
  }

  describe('verifyApiKey', () => {
    it('authenticates a key as its tenant, acting as its creator, with its scope', async () => {
      const { id, key } = await makeKey({ scope: 'read' });
      expect(await verifyApiKey(database.db, key, NOW)).toEqual({
        ok: true,
        principal: {
          keyId: id,
          tenantId: alice.tenantId,
          userId: alice.userId,
          username: 'alice',
          scope: 'read',
          expiresAt: null,
        },
      });
    });

    it('stores only a hash of the secret', async () => {
      const { id, key } = await makeKey();
      const row = await database.db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const secret = parseApiKey(key)?.secret ?? '';
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(row.secret_hash).toHaveLength(32);
    });

    it('refuses malformed, unknown, wrong-secret and deleted keys', async () => {
      const { id, key } = await makeKey();
      const otherSecret = (await makeKey()).key.split('_').slice(1).join('_');
      const reason = async (presented: string) => {
        const result = await verifyApiKey(database.db, presented, NOW);
        return result.ok ? 'ok' : result.reason;
      };
      expect(await reason('not-a-key')).toBe('malformed');
      expect(await reason(`uk999999_${otherSecret}`)).toBe('unknown');
      expect(await reason(`uk${id}_${otherSecret}`)).toBe('unknown');
      expect(await apiKeyRepository.deleteApiKey(database.db, alice.tenantId, id)).toBe(true);
      expect(await reason(key)).toBe('unknown');
    });

    it('refuses a disabled key until it is enabled again', async () => {
      const { id, key } = await makeKey({ active: false });
      expect(await verifyApiKey(database.db, key, NOW)).toEqual({ ok: false, reason: 'disabled' });
      await apiKeyRepository.setApiKeyActive(database.db, alice.tenantId, id, true);
      expect((await verifyApiKey(database.db, key, NOW)).ok).toBe(true);
    });

    it('refuses a key from its expiry instant on', async () => {
      const expiresAt = new Date(NOW.getTime() + 1000);
      const { key } = await makeKey({ expires: '2030-06-01 12:00:01', expiresAt });
      expect((await verifyApiKey(database.db, key, NOW)).ok).toBe(true);
      expect(await verifyApiKey(database.db, key, expiresAt)).toEqual({
        ok: false,
        reason: 'expired',
      });
    });

    it('refuses the key of an inactive user', async () => {
      const carol = await tenantRepository.createTenantWithAdmin(database.db, {
        name: 'c',
        username: 'carol',
        passwordHash: 'x',
      });
      const { key } = await makeKey({}, carol);
      await database.db
        .updateTable('users')
        .set({ active: false })
        .where('id', '=', carol.userId)
        .execute();
      expect(await verifyApiKey(database.db, key, NOW)).toEqual({
        ok: false,
        reason: 'user-inactive',
      });
    });

    it('records the last use at most once a minute', async () => {
      const { id, key } = await makeKey();
      expect(await lastUsed(id)).toBeNull();
      await verifyApiKey(database.db, key, NOW);
      expect(await lastUsed(id)).toEqual(NOW);
      await verifyApiKey(database.db, key, new Date(NOW.getTime() + 59_000));
      expect(await lastUsed(id)).toEqual(NOW);
      const later = new Date(NOW.getTime() + 60_000);
      await verifyApiKey(database.db, key, later);
      expect(await lastUsed(id)).toEqual(later);
    });
  });

  describe('API key repository', () => {
    it('lists, enables, disables and deletes only within the tenant', async () => {
      const { id } = await makeKey({ name: 'alice-key' });
      const bobsList = await apiKeyRepository.listApiKeys(database.db, bob.tenantId);
      expect(bobsList.map((k) => k.id)).not.toContain(id);
      expect(await apiKeyRepository.setApiKeyActive(database.db, bob.tenantId, id, false)).toBe(
        false,
      );
      expect(await apiKeyRepository.deleteApiKey(database.db, bob.tenantId, id)).toBe(false);
      const [row] = (await apiKeyRepository.listApiKeys(database.db, alice.tenantId)).filter(
        (k) => k.id === id,
      );
      expect(row).toMatchObject({ name: 'alice-key', active: true });
      expect(row).not.toHaveProperty('secret_hash');
    });
  });
});
