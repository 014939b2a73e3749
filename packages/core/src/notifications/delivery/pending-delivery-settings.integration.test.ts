import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveGeneralSettings } from '../../settings/settings-repository.js';
import { createTenantWithAdmin } from '../../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../../testing/test-database.js';
import { createNotification } from '../notification-repository.js';
import { loadPendingDelivery } from './delivery-repository.js';

describe.each(TEST_BACKENDS)('a pending delivery with its tenant’s settings on %s', (backend) => {
  let t: BackendTestDatabase;

  /** A tenant with the given settings and one pending certificate reminder. */
  async function deliveryOf(name: string, settings: Record<string, unknown>): Promise<number> {
    const { tenantId, userId } = await createTenantWithAdmin(t.db, {
      name,
      username: name,
      passwordHash: 'x',
    });
    await saveGeneralSettings(t.db, tenantId, settings);
    const { id: notificationId } = await createNotification(t.db, tenantId, userId, {
      name,
      config: { name, type: 'webhook' },
      isDefault: false,
      applyExisting: false,
    });
    const { id } = await t.db
      .insertInto('notification_deliveries')
      .values({
        tenant_id: tenantId,
        notification_id: notificationId,
        kind: 'cert-expiry',
        msg: 'expires soon',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => t?.drop());

  it('carries each tenant’s own base URL and zone, not another tenant’s', async () => {
    const berlin = await deliveryOf('berlin', {
      primaryBaseURL: 'https://berlin.example/',
      serverTimezone: 'Europe/Berlin',
    });
    const lima = await deliveryOf('lima', {
      primaryBaseURL: 'https://lima.example',
      serverTimezone: 'America/Lima',
    });
    expect(await loadPendingDelivery(t.db, berlin)).toMatchObject({
      baseUrl: 'https://berlin.example',
      timeZone: 'Europe/Berlin',
    });
    expect(await loadPendingDelivery(t.db, lima)).toMatchObject({
      baseUrl: 'https://lima.example',
      timeZone: 'America/Lima',
    });
  });

  it('has no base URL and the default zone when the settings are unset, empty or unusable', async () => {
    const unset = await deliveryOf('unset', {});
    const unusable = await deliveryOf('unusable', {
      primaryBaseURL: '',
      serverTimezone: 'Nowhere/Special',
    });
    for (const id of [unset, unusable]) {
      expect(await loadPendingDelivery(t.db, id)).toMatchObject({ baseUrl: null, timeZone: 'UTC' });
    }
  });
});
