import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  getGeneralSettings,
  getSetting,
  saveGeneralSettings,
  saveSetting,
} from './settings-repository.js';

let t: BackendTestDatabase;
let tenantA: number;
let tenantB: number;

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('tenant settings on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId: tenantA } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
    ({ tenantId: tenantB } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  it('starts empty: a fresh tenant has no general rows', async () => {
    expect(await getGeneralSettings(t.db, tenantA)).toEqual({});
  });

  it('stores values of every JSON type and reads them back decoded', async () => {
    const data = {
      checkUpdate: false,
      keepDataPeriodDays: 90,
      tlsExpiryNotifyDays: [7, 14, 21],
      primaryBaseURL: 'https://status.example.com',
      steamAPIKey: null,
      nested: { a: [1, { b: 'c' }] },
    };
    await saveGeneralSettings(t.db, tenantA, data);
    expect(await getGeneralSettings(t.db, tenantA)).toEqual(data);
  });

  it('overwrites existing keys and keeps the ones not sent', async () => {
    await saveGeneralSettings(t.db, tenantA, { keepDataPeriodDays: 30, undefinedKey: undefined });
    const settings = await getGeneralSettings(t.db, tenantA);
    expect(settings).toMatchObject({ keepDataPeriodDays: 30, checkUpdate: false });
    expect(settings).not.toHaveProperty('undefinedKey');
  });

  it('leaves a key of another type alone and never lists it (docs/protocol/compatibility.md#settings-stored-under-another-type)', async () => {
    await saveSetting(t.db, tenantA, 'initServerTimezone', true, null);
    await saveGeneralSettings(t.db, tenantA, { initServerTimezone: 'overwritten?' });
    expect(await getSetting(t.db, tenantA, 'initServerTimezone')).toBe(true);
    expect(await getGeneralSettings(t.db, tenantA)).not.toHaveProperty('initServerTimezone');
  });

  it('keeps each tenant’s settings apart', async () => {
    await saveGeneralSettings(t.db, tenantB, { keepDataPeriodDays: 7 });
    expect(await getGeneralSettings(t.db, tenantB)).toEqual({ keepDataPeriodDays: 7 });
    expect(await getGeneralSettings(t.db, tenantA)).toMatchObject({ keepDataPeriodDays: 30 });
    expect(await getSetting(t.db, tenantB, 'primaryBaseURL')).toBeUndefined();
  });
});
