import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@watchpost/core/auth';
import { userRepository } from '@watchpost/core/db';
import { createTestDatabase, type TestDatabase } from '@watchpost/core/testing';
import { createTenant } from './create-tenant.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('createTenant', () => {
  it('creates a tenant whose admin can log in with the given password', async () => {
    const created = await createTenant(t.db, {
      name: 'Globex',
      username: 'globex-admin',
      password: 'secret123',
    });
    const user = await userRepository.findUserByUsername(t.db, 'globex-admin');
    expect(user).toMatchObject({ id: created.userId, tenantId: created.tenantId });
    expect(await verifyPassword('secret123', user!.passwordHash)).toBe(true);
  });

  it('refuses a taken username, a weak password and missing fields without writing', async () => {
    const before = await t.db.selectFrom('tenants').select('id').execute();
    await expect(
      createTenant(t.db, { name: 'x', username: 'globex-admin', password: 'secret123' }),
    ).rejects.toThrow('already taken');
    await expect(
      createTenant(t.db, { name: 'x', username: 'new-user', password: 'abc' }),
    ).rejects.toThrow('Password is too weak');
    await expect(createTenant(t.db, { username: 'u', password: 'secret123' })).rejects.toThrow(
      '--name is required',
    );
    expect(await t.db.selectFrom('tenants').select('id').execute()).toEqual(before);
  });
});
