import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../tenants/create-tenant.js';
import { needsSetup } from '../tenants/needs-setup.js';
import { setupFirstAdmin } from '../tenants/setup-first-admin.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findAutoLoginUser } from './find-auto-login-user.js';
import type { LoginContext } from './login-context.js';
import { loginByToken } from './login-by-token.js';
import { login } from './login.js';

let t: TestDatabase;
let ctx: LoginContext;

beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, jwtSecret: 'test-secret' };
});
afterAll(async () => t?.drop());

const CLIENT = '203.0.113.7';
// An embedded instance's policy: its one owner may run setup.
const OWNED = { publicSetup: true, databaseOperations: true };

describe('first-run setup', () => {
  it('is needed until the first admin exists, and refused afterwards', async () => {
    expect(await needsSetup(ctx)).toBe(true);
    await expect(
      setupFirstAdmin(ctx, { username: 'admin', password: 'abc' }, OWNED),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('Password is too weak'),
    });
    const created = await setupFirstAdmin(
      ctx,
      { username: 'admin', password: 'admin-pass1' },
      OWNED,
    );
    expect(created).toEqual({ tenantId: expect.any(Number), userId: expect.any(Number) });
    expect(await needsSetup(ctx)).toBe(false);
    await expect(
      setupFirstAdmin(ctx, { username: 'other', password: 'other-pass1' }, OWNED),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('initialized') });
    expect(await findAutoLoginUser(ctx)).toBeUndefined();
  });
});

describe('login and loginByToken', () => {
  it('answers who logged in and a token that logs in again', async () => {
    const result = await login(ctx, { username: 'admin', password: 'admin-pass1' }, CLIENT);
    if (result.tokenRequired) throw new Error('no 2FA expected');
    expect(result.identity).toMatchObject({ username: 'admin', scope: 'write', apiKeyId: null });
    expect(await loginByToken(ctx, result.token)).toEqual(result.identity);
  });

  it('refuses wrong and malformed credentials and tokens with Kuma’s texts', async () => {
    await expect(
      login(ctx, { username: 'admin', password: 'nope-123' }, CLIENT),
    ).rejects.toMatchObject({
      code: 'not-logged-in',
      message: 'Incorrect username or password.',
    });
    await expect(login(ctx, { username: 7 }, CLIENT)).rejects.toMatchObject({
      message: 'Incorrect username or password.',
    });
    await expect(loginByToken(ctx, 'not.a.jwt')).rejects.toMatchObject({
      message: 'Invalid token.',
    });
  });
});

describe('createTenant', () => {
  it('creates another tenant, refusing a taken username and a weak password', async () => {
    const created = await createTenant(ctx, {
      name: 'Globex',
      username: 'globex',
      password: 'globex-pass1',
    });
    const result = await login(ctx, { username: 'globex', password: 'globex-pass1' }, CLIENT);
    expect(result).toMatchObject({ identity: { tenantId: created.tenantId } });
    await expect(
      createTenant(ctx, { name: 'x', username: 'globex', password: 'globex-pass1' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createTenant(ctx, { name: 'x', username: 'new-user', password: 'abc' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
