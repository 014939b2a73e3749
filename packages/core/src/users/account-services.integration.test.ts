import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.js';
import { ALLOW_PRIVATE } from '../egress/egress-policy.js';
import { VERIFY_DOMAINS_AT_ONCE } from '../status-pages/domain-verification.js';
import { totpCode } from '../auth/totp.js';
import type { ChangeBus } from '../changes/index.js';
import type { ServiceContext } from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { changePassword } from './change-password.js';
import { disableTwoFactor } from './disable-two-factor.js';
import { getTwoFactorStatus } from './get-two-factor-status.js';
import { prepareTwoFactor } from './prepare-two-factor.js';
import { saveTwoFactor } from './save-two-factor.js';
import * as userRepository from './user-repository.js';
import { verifyCurrentPassword } from './verify-current-password.js';
import { verifyTwoFactorToken } from './verify-two-factor-token.js';

// The account services publish nothing; a bus that is used fails the test.
const unusedBus: ChangeBus = {
  publish: () => Promise.reject(new Error('unexpected publish')),
  subscribe: () => Promise.reject(new Error('unexpected subscribe')),
  publishStatusPageChange: () => Promise.reject(new Error('unexpected publish')),
  subscribeStatusPageChanges: () => Promise.reject(new Error('unexpected subscribe')),
};

let t: TestDatabase;
let alice: ServiceContext;
let bob: ServiceContext;

const contextFor = (scope: { tenantId: number; userId: number }): ServiceContext => ({
  db: t.db,
  events: { emit: () => undefined },
  changeBus: unusedBus,
  logger: pino({ level: 'silent' }),
  minIntervalSeconds: 20,
  egress: ALLOW_PRIVATE,
  domainVerification: VERIFY_DOMAINS_AT_ONCE,
  ...scope,
});

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword('alice-pass1');
  alice = contextFor(
    await createTenantWithAdmin(t.db, { name: 'a', username: 'alice', passwordHash }),
  );
  bob = contextFor(
    await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'bob',
      passwordHash: await hashPassword('bob-pass1'),
    }),
  );
});
afterAll(async () => t?.drop());

const stored = async (ctx: ServiceContext) =>
  (await userRepository.findUser(t.db, ctx.tenantId, ctx.userId))!;

describe('verifyCurrentPassword', () => {
  it('answers the stored user for the right password', async () => {
    const user = await verifyCurrentPassword(alice, 'alice-pass1');
    expect(user).toMatchObject({ id: alice.userId, tenantId: alice.tenantId, username: 'alice' });
  });

  it('throws Kuma’s texts for a non-string and for a wrong password', async () => {
    await expect(verifyCurrentPassword(alice, 42)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'Wrong data type?',
    });
    await expect(verifyCurrentPassword(alice, 'nope-123')).rejects.toMatchObject({
      code: 'permission-denied',
      message: 'Incorrect current password',
    });
  });

  it('treats a scope whose user is in another tenant like a wrong password', async () => {
    const crossed = { ...bob, userId: alice.userId };
    await expect(verifyCurrentPassword(crossed, 'alice-pass1')).rejects.toMatchObject({
      message: 'Incorrect current password',
    });
  });
});

describe('two-factor services', () => {
  it('prepares a secret without turning 2FA on, then saves, verifies and disables it', async () => {
    const { uri } = await prepareTwoFactor(alice, 'alice-pass1');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const { twofaSecret: secret } = await stored(alice);
    expect(secret).not.toBeNull();
    expect(await getTwoFactorStatus(alice)).toBe(false);

    await saveTwoFactor(alice, 'alice-pass1');
    expect(await getTwoFactorStatus(alice)).toBe(true);
    await expect(prepareTwoFactor(alice, 'alice-pass1')).rejects.toMatchObject({
      message: '2FA is already enabled.',
    });

    const code = totpCode(secret!);
    expect(await verifyTwoFactorToken(alice, { token: code, currentPassword: 'alice-pass1' })).toBe(
      true,
    );
    expect(
      await verifyTwoFactorToken(alice, { token: '000000x', currentPassword: 'alice-pass1' }),
    ).toBe(false);

    await disableTwoFactor(alice, 'alice-pass1');
    expect(await stored(alice)).toMatchObject({ twofaStatus: false, twofaSecret: secret });
  });

  it('refuses to enable 2FA before a secret was prepared', async () => {
    await expect(saveTwoFactor(bob, 'bob-pass1')).rejects.toMatchObject({
      code: 'conflict',
      message: 'Prepare 2FA first: there is no secret to enable.',
    });
    expect(await getTwoFactorStatus(bob)).toBe(false);
  });
});

describe('changePassword', () => {
  it('applies upstream’s checks in order, then stores a new hash', async () => {
    await expect(
      changePassword(alice, { currentPassword: 'alice-pass1', newPassword: '' }),
    ).rejects.toMatchObject({ message: 'Invalid new password' });
    await expect(
      changePassword(alice, { currentPassword: 'wrong-pass1', newPassword: 'abc' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Password is too weak') });
    await expect(
      changePassword(alice, { currentPassword: 'wrong-pass1', newPassword: 'newpass123' }),
    ).rejects.toMatchObject({ message: 'Incorrect current password' });

    const before = (await stored(alice)).passwordHash;
    const bobsHash = (await stored(bob)).passwordHash;
    await changePassword(alice, { currentPassword: 'alice-pass1', newPassword: 'newpass123' });
    expect((await stored(alice)).passwordHash).not.toBe(before);
    expect(await verifyCurrentPassword(alice, 'newpass123')).toMatchObject({ id: alice.userId });
    expect((await stored(bob)).passwordHash).toBe(bobsHash);
  });
});
