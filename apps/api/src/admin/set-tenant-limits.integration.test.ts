import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantLimitsRepository } from '@watchpost/core/db';
import { createTestDatabase, type TestDatabase } from '@watchpost/core/testing';
import { createTenant } from './create-tenant.js';
import { setTenantLimits } from './set-tenant-limits.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('setTenantLimits (admin command)', () => {
  it('stores the flags given, and "default" returns a limit to the operator’s default', async () => {
    const { tenantId } = await createTenant(t.db, {
      name: 'Initech',
      username: 'initech-admin',
      password: 'secret123',
    });
    const set = await setTenantLimits(t.db, {
      tenant: String(tenantId),
      'max-monitors': '50',
      'min-interval': '60',
      'max-timeout': '30',
      'max-checks-in-flight': '10',
    });
    expect(set).toEqual({
      tenantId,
      limits: {
        maxMonitors: 50,
        minIntervalSeconds: 60,
        maxTimeoutSeconds: 30,
        maxChecksInFlight: 10,
      },
    });
    await setTenantLimits(t.db, { tenant: String(tenantId), 'max-timeout': 'default' });
    expect(await tenantLimitsRepository.findTenantLimits(t.db, tenantId)).toEqual({
      maxMonitors: 50,
      minIntervalSeconds: 60,
      maxTimeoutSeconds: null,
      maxChecksInFlight: 10,
    });
  });

  it('refuses bad flags with a message naming them and writes nothing', async () => {
    const before = await t.db.selectFrom('tenant_limits').selectAll().execute();
    await expect(setTenantLimits(t.db, { 'max-monitors': '5' })).rejects.toThrow(
      '--tenant is required',
    );
    await expect(setTenantLimits(t.db, { tenant: '1' })).rejects.toThrow('give at least one of');
    await expect(setTenantLimits(t.db, { tenant: '1', 'max-monitors': 'lots' })).rejects.toThrow(
      '--max-monitors must be a whole number or "default"',
    );
    await expect(setTenantLimits(t.db, { tenant: '1', 'min-interval': '0' })).rejects.toThrow(
      '--min-interval must be at least 1',
    );
    await expect(setTenantLimits(t.db, { tenant: '999999', 'max-monitors': '5' })).rejects.toThrow(
      'No tenant with id 999999',
    );
    expect(await t.db.selectFrom('tenant_limits').selectAll().execute()).toEqual(before);
  });
});
