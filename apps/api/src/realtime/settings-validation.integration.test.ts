import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

// setSettings refuses values of the settings Watchpost acts on (certificate reminders,
// retention) that it could not use, with a clear message, and then stores nothing.

let ctx: ApiTestContext;
let user: TestUser;
let client: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('settings-validation');
  user = await ctx.createUser('carol');
  client = await ctx.connect();
  await client.login(user);
});
afterAll(async () => ctx?.close());

const stored = () => settingsRepository.getGeneralSettings(ctx.db, user.tenantId);

describe('setSettings with values Watchpost acts on', () => {
  it('stores thresholds and a retention period it can use', async () => {
    const ack = await client.call('setSettings', {
      tlsExpiryNotifyDays: [3, 30],
      keepDataPeriodDays: 0,
    });
    expect(ack).toEqual({ ok: true, msg: 'Saved' });
    expect(await stored()).toMatchObject({ tlsExpiryNotifyDays: [3, 30], keepDataPeriodDays: 0 });
  });

  it('refuses thresholds that are not a list of positive whole days, and changes nothing', async () => {
    for (const tlsExpiryNotifyDays of [[0], '7,14', [7, 'x'], [2.5]]) {
      const ack = await client.call('setSettings', { tlsExpiryNotifyDays, checkBeta: true });
      expect(ack).toEqual({
        ok: false,
        msg: 'tlsExpiryNotifyDays must be a list of at most 30 whole numbers of days from 1 to 3650.',
      });
    }
    const settings = await stored();
    expect(settings['tlsExpiryNotifyDays']).toEqual([3, 30]);
    expect(settings).not.toHaveProperty('checkBeta');
  });

  it('refuses a retention period that is not a whole number of days', async () => {
    const ack = await client.call('setSettings', { keepDataPeriodDays: 'a week' });
    expect(ack).toEqual({
      ok: false,
      msg: 'keepDataPeriodDays must be a whole number of days up to 36500 (0 keeps data forever).',
    });
    expect((await stored())['keepDataPeriodDays']).toBe(0);
  });
});
