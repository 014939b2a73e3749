import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../../monitors/monitor-input.js';
import { insertMonitor } from '../../monitors/monitor-repository.js';
import { createTenantWithAdmin } from '../../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../../testing/test-database.js';
import { createNotification, setMonitorNotifications } from '../notification-repository.js';
import { recordCertExpiryNotices } from './delivery-repository.js';

const notices = [
  {
    days: 14,
    msg: '[shop][https://shop.example] server certificate shop.example will be expired in 10 days',
  },
  {
    days: 21,
    msg: '[shop][https://shop.example] server certificate shop.example will be expired in 10 days',
  },
];

describe.each(TEST_BACKENDS)('certificate reminders on %s', (backend) => {
  let t: BackendTestDatabase;
  let tenantId: number;
  let otherTenantId: number;
  let monitorId: number;

  beforeAll(async () => {
    t = await openTestDatabase(backend);
    const owner = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    });
    tenantId = owner.tenantId;
    ({ tenantId: otherTenantId } = await createTenantWithAdmin(t.db, {
      name: 'b',
      username: 'b',
      passwordHash: 'x',
    }));
    monitorId = await insertMonitor(
      t.db,
      tenantId,
      monitorInputSchema(20).parse({
        type: 'http',
        name: 'shop',
        url: 'https://shop.example',
        accepted_statuscodes: ['200-299'],
      }),
      true,
    );
    for (const name of ['mail', 'chat']) {
      const { id } = await createNotification(t.db, tenantId, owner.userId, {
        name,
        config: { name, type: 'webhook' },
        isDefault: false,
        applyExisting: false,
      });
      await setMonitorNotifications(t.db, tenantId, monitorId, [
        ...(await t.db.selectFrom('notifications').select('id').execute()).map((r) => r.id),
        id,
      ]);
    }
  });
  afterAll(async () => t?.drop());

  const record = (leafFingerprint: string, owner = tenantId) =>
    recordCertExpiryNotices(
      t.db,
      { tenantId: owner, monitorId, monitorName: 'shop', leafFingerprint },
      notices,
    );

  it('creates each reminder once per threshold and certificate, for every linked notification', async () => {
    expect(await record('leaf-1')).toBe(4);
    expect(await record('leaf-1')).toBe(0);
    const rows = await t.db
      .selectFrom('notification_deliveries')
      .select(['kind', 'msg', 'status'])
      .where('monitor_id', '=', monitorId)
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.kind === 'cert-expiry' && r.status === 'pending')).toBe(true);
    expect(rows[0]?.msg).toBe(notices[0]?.msg);
  });

  it('starts over when the certificate is renewed', async () => {
    expect(await record('leaf-2')).toBe(4);
    expect(await record('leaf-2')).toBe(0);
  });

  it('creates nothing for a monitor id of another tenant', async () => {
    expect(await record('leaf-3', otherTenantId)).toBe(0);
  });
});
