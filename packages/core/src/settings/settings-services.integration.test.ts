import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.js';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { getSettings } from './get-settings.js';
import { setServerTimezone } from './set-server-timezone.js';
import { setSettings } from './set-settings.js';
import { INIT_SERVER_TIMEZONE_SETTING } from '../server-info/server-info.js';
import * as settingsRepository from './settings-repository.js';

let t: TestDatabase;
let a: ServiceContext;
let b: ServiceContext;
let kit: ServiceTestKit;

beforeAll(async () => {
  t = await createTestDatabase();
  kit = createServiceTestKit(t.db);
  a = await kit.tenantContext('a', { passwordHash: await hashPassword('right') });
  b = await kit.tenantContext('b', { passwordHash: await hashPassword('right') });
});
afterAll(async () => t?.drop());

describe('settings services', () => {
  it('stores the tenant’s settings and leaves the maintenanceList push to publish', async () => {
    kit.clearPushes();
    const result = await setSettings(a, { primaryBaseURL: 'https://a.example' }, undefined);
    expect(result.authEnabledAgain).toBe(false);
    expect(kit.pushedEvents()).toEqual([]);
    await result.publish();
    expect(kit.pushedEvents()).toEqual([{ tenantId: a.tenantId, event: 'maintenanceList' }]);
    expect((await getSettings(a))['primaryBaseURL']).toBe('https://a.example');
    expect((await getSettings(b))['primaryBaseURL']).toBe('');
  });

  it('asks for the current password only to turn authentication off', async () => {
    await expect(setSettings(a, { disableAuth: true }, 'wrong')).rejects.toThrow(
      'Incorrect current password',
    );
    await expect(setSettings(a, { disableAuth: true }, undefined)).rejects.toThrow(
      'Wrong data type?',
    );
    expect((await getSettings(a))['disableAuth']).toBe(false);
    await setSettings(a, { disableAuth: true }, 'right');
    await setSettings(a, { disableAuth: true, checkUpdate: false }, undefined);
    const back = await setSettings(a, { disableAuth: false }, undefined);
    expect(back.authEnabledAgain).toBe(true);
  });

  it('refuses an unknown zone, changing nothing', async () => {
    await expect(
      setSettings(a, { serverTimezone: 'Mars/Olympus', checkBeta: true }, undefined),
    ).rejects.toThrow('Invalid timezone:Mars/Olympus');
    expect((await getSettings(a))['checkBeta']).toBe(false);
    await expect(setServerTimezone(a, 'Mars/Olympus')).rejects.toThrow(
      'Invalid timezone:Mars/Olympus',
    );
  });

  it('stores the browser’s zone and marks it chosen', async () => {
    await setServerTimezone(b, 'Europe/Berlin');
    expect((await getSettings(b))['serverTimezone']).toBe('Europe/Berlin');
    expect(
      await settingsRepository.getSetting(t.db, b.tenantId, INIT_SERVER_TIMEZONE_SETTING),
    ).toBe(true);
  });
});
