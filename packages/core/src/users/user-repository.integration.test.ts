import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  claimTwoFactorCode,
  findUser,
  saveTwoFactorSecret,
  setTwoFactorStatus,
  updatePasswordHash,
} from './user-repository.js';

let t: BackendTestDatabase;
let a: { tenantId: number; userId: number };
let b: { tenantId: number; userId: number };

describe.each(TEST_BACKENDS)('user account on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    a = await createTenantWithAdmin(t.db, { name: 'a', username: 'a', passwordHash: 'ha' });
    b = await createTenantWithAdmin(t.db, { name: 'b', username: 'b', passwordHash: 'hb' });
  });
  afterAll(async () => t?.drop());

  it('finds a user only inside its own tenant', async () => {
    expect((await findUser(t.db, a.tenantId, a.userId))?.username).toBe('a');
    expect(await findUser(t.db, b.tenantId, a.userId)).toBeUndefined();
  });

  it('changes the password hash and the 2FA columns of that user only', async () => {
    await updatePasswordHash(t.db, a.tenantId, a.userId, 'new');
    await saveTwoFactorSecret(t.db, a.tenantId, a.userId, 'S'.repeat(64));
    await setTwoFactorStatus(t.db, a.tenantId, a.userId, true);
    expect(await findUser(t.db, a.tenantId, a.userId)).toMatchObject({
      passwordHash: 'new',
      twofaSecret: 'S'.repeat(64),
      twofaStatus: true,
    });
    expect(await findUser(t.db, b.tenantId, b.userId)).toMatchObject({
      passwordHash: 'hb',
      twofaSecret: null,
      twofaStatus: false,
    });
  });

  it('refuses writes aimed at another tenant’s user', async () => {
    await updatePasswordHash(t.db, b.tenantId, a.userId, 'stolen');
    await setTwoFactorStatus(t.db, b.tenantId, a.userId, false);
    expect(await findUser(t.db, a.tenantId, a.userId)).toMatchObject({
      passwordHash: 'new',
      twofaStatus: true,
    });
  });

  it('claims a TOTP code once, and a different code after it', async () => {
    expect(await claimTwoFactorCode(t.db, a.userId, '123456')).toBe(true);
    expect(await claimTwoFactorCode(t.db, a.userId, '123456')).toBe(false);
    expect(await claimTwoFactorCode(t.db, a.userId, '654321')).toBe(true);
  });

  it('lets exactly one of two concurrent claims of the same code win', async () => {
    const results = await Promise.all([
      claimTwoFactorCode(t.db, b.userId, '111111'),
      claimTwoFactorCode(t.db, b.userId, '111111'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
