import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { AppError } from '../errors/app-error.js';
import { createMemoryMonitorChangeBus } from '../queue/memory-monitor-change-bus.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import { serviceContext, type ServiceContext } from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { getSettings } from './get-settings.js';
import { setServerTimezone } from './set-server-timezone.js';
import { setSettings } from './set-settings.js';
import * as settingsRepository from './settings-repository.js';

let t: TestDatabase;
let a: ServiceContext;
let b: ServiceContext;
const pushes: { tenantId: number; event: string }[] = [];
const passwordChecks: unknown[] = [];

/** Accepts only "right", like the caller's real check would with Kuma's text. */
async function checkPassword(currentPassword: unknown): Promise<void> {
  passwordChecks.push(currentPassword);
  if (currentPassword !== 'right')
    throw new AppError('invalid-input', 'Incorrect current password');
}

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
    changeBus: createMemoryMonitorChangeBus(),
    logger: pino({ level: 'silent' }),
    minIntervalSeconds: 20,
  };
  const tenant = (name: string) =>
    createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
  a = serviceContext(ports, await tenant('a'));
  b = serviceContext(ports, await tenant('b'));
});
afterAll(async () => t?.drop());

describe('settings services', () => {
  it('stores the tenant’s settings and leaves the maintenanceList push to publish', async () => {
    pushes.length = 0;
    const result = await setSettings(
      a,
      { primaryBaseURL: 'https://a.example' },
      undefined,
      checkPassword,
    );
    expect(result.authEnabledAgain).toBe(false);
    expect(pushes).toEqual([]);
    await result.publish();
    expect(pushes).toEqual([{ tenantId: a.tenantId, event: 'maintenanceList' }]);
    expect((await getSettings(a))['primaryBaseURL']).toBe('https://a.example');
    expect((await getSettings(b))['primaryBaseURL']).toBe('');
  });

  it('asks for the current password only to turn authentication off', async () => {
    passwordChecks.length = 0;
    await expect(setSettings(a, { disableAuth: true }, 'wrong', checkPassword)).rejects.toThrow(
      'Incorrect current password',
    );
    expect((await getSettings(a))['disableAuth']).toBe(false);
    await setSettings(a, { disableAuth: true }, 'right', checkPassword);
    await setSettings(a, { disableAuth: true, checkUpdate: false }, undefined, checkPassword);
    expect(passwordChecks).toEqual(['wrong', 'right']);
    const back = await setSettings(a, { disableAuth: false }, undefined, checkPassword);
    expect(back.authEnabledAgain).toBe(true);
  });

  it('refuses an unknown zone, changing nothing', async () => {
    await expect(
      setSettings(a, { serverTimezone: 'Mars/Olympus', checkBeta: true }, undefined, checkPassword),
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
      await settingsRepository.getSetting(
        t.db,
        b.tenantId,
        settingsRepository.INIT_SERVER_TIMEZONE_SETTING,
      ),
    ).toBe(true);
  });
});
