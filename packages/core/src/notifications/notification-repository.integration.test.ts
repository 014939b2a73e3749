import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { createTenantWithAdmin, type CreatedTenant } from '../tenants/tenant-repository.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { deleteMonitor, insertMonitor, updateMonitor } from '../monitors/monitor-repository.js';
import { notificationInputSchema } from './notification-wire.js';
import {
  createNotification,
  deleteNotification,
  findNotification,
  linkedNotificationsOf,
  listNotifications,
  notificationIdsOf,
  setMonitorNotifications,
  updateNotification,
} from './notification-repository.js';

let t: BackendTestDatabase;
let a: CreatedTenant;
let b: CreatedTenant;

function monitor(overrides: Record<string, unknown> = {}) {
  return monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
}

function notification(overrides: Record<string, unknown> = {}) {
  return notificationInputSchema.parse({
    name: 'ops hook',
    type: 'webhook',
    webhookURL: 'https://hooks.example/secret-path',
    webhookContentType: 'json',
    isDefault: false,
    applyExisting: false,
    ...overrides,
  });
}

const linkRows = (monitorId: number) =>
  t.db
    .selectFrom('monitor_notifications')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .orderBy('notification_id')
    .execute();

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    a = await createTenantWithAdmin(t.db, { name: 'a', username: 'a', passwordHash: 'x' });
    b = await createTenantWithAdmin(t.db, { name: 'b', username: 'b', passwordHash: 'x' });
  });
  afterAll(async () => t?.drop());

  it('stores the whole client object as config and reads it back for the tenant only', async () => {
    const input = notification({ isDefault: true, extraKey: { nested: [1, 'two'] } });
    const { id, linkedMonitorCount } = await createNotification(t.db, a.tenantId, a.userId, input);
    expect(linkedMonitorCount).toBe(0);
    expect(await findNotification(t.db, a.tenantId, id)).toEqual({
      id,
      tenantId: a.tenantId,
      userId: a.userId,
      name: 'ops hook',
      config: input.config,
      isDefault: true,
      active: true,
      createdAt: expect.any(Date),
    });
    expect(await findNotification(t.db, b.tenantId, id)).toBeUndefined();
    expect((await listNotifications(t.db, b.tenantId)).map((n) => n.id)).not.toContain(id);
  });

  it('drops the echoed id and userId from the stored config', async () => {
    const input = notification({ id: 4242, userId: 99, active: true });
    expect(input.config).not.toHaveProperty('id');
    expect(input.config).not.toHaveProperty('userId');
    expect(input.config).toMatchObject({ active: true, type: 'webhook' });
  });

  it('updates name, config and isDefault of its own notification only', async () => {
    const { id } = await createNotification(t.db, a.tenantId, a.userId, notification());
    const edit = notification({ name: 'renamed', isDefault: 1, webhookURL: 'https://new' });
    expect(await updateNotification(t.db, b.tenantId, id, edit)).toBeUndefined();
    expect((await findNotification(t.db, a.tenantId, id))?.name).toBe('ops hook');

    expect(await updateNotification(t.db, a.tenantId, id, edit)).toEqual({
      id,
      linkedMonitorCount: 0,
    });
    expect(await findNotification(t.db, a.tenantId, id)).toMatchObject({
      name: 'renamed',
      isDefault: true,
      config: expect.objectContaining({ webhookURL: 'https://new' }),
    });
    expect(await updateNotification(t.db, a.tenantId, 2 ** 40, edit)).toBeUndefined();
  });

  it('applyExisting links every monitor of the tenant that is not linked yet', async () => {
    const fresh = await createTenantWithAdmin(t.db, {
      name: 'c',
      username: 'c',
      passwordHash: 'x',
    });
    const m1 = await insertMonitor(t.db, fresh.tenantId, monitor({ name: 'm1' }), true);
    const m2 = await insertMonitor(t.db, fresh.tenantId, monitor({ name: 'm2' }), true);
    const foreign = await insertMonitor(t.db, b.tenantId, monitor({ name: 'b' }), true);
    const { id } = await createNotification(t.db, fresh.tenantId, fresh.userId, notification());
    await setMonitorNotifications(t.db, fresh.tenantId, m1, [id]);

    const saved = await updateNotification(
      t.db,
      fresh.tenantId,
      id,
      notification({ applyExisting: true }),
    );
    expect(saved).toEqual({ id, linkedMonitorCount: 1 });
    expect(await notificationIdsOf(t.db, fresh.tenantId, [m1, m2])).toEqual(
      new Map([
        [m1, [id]],
        [m2, [id]],
      ]),
    );
    expect(await linkRows(foreign)).toEqual([]);

    const created = await createNotification(
      t.db,
      fresh.tenantId,
      fresh.userId,
      notification({ applyExisting: true }),
    );
    expect(created.linkedMonitorCount).toBe(2);
  });

  it('replaces a monitor’s links, ignoring other tenants’ and missing ids', async () => {
    const m = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const n1 = (await createNotification(t.db, a.tenantId, a.userId, notification())).id;
    const n2 = (await createNotification(t.db, a.tenantId, a.userId, notification())).id;
    const theirs = (await createNotification(t.db, b.tenantId, b.userId, notification())).id;

    await setMonitorNotifications(t.db, a.tenantId, m, [n2, theirs, 999_999, 2 ** 40, n1, n2]);
    expect((await linkRows(m)).map((r) => r.notification_id)).toEqual([n1, n2]);
    expect(await linkRows(m)).toEqual([
      { tenant_id: a.tenantId, monitor_id: m, notification_id: n1 },
      { tenant_id: a.tenantId, monitor_id: m, notification_id: n2 },
    ]);

    await setMonitorNotifications(t.db, a.tenantId, m, [n2]);
    expect((await linkRows(m)).map((r) => r.notification_id)).toEqual([n2]);

    // Tenant B can neither link to nor clear tenant A's monitor.
    await setMonitorNotifications(t.db, b.tenantId, m, [theirs]);
    expect((await linkRows(m)).map((r) => r.notification_id)).toEqual([n2]);
    await setMonitorNotifications(t.db, b.tenantId, m, []);
    expect((await linkRows(m)).map((r) => r.notification_id)).toEqual([n2]);
  });

  it('stores notificationIDList through insertMonitor and updateMonitor', async () => {
    const n = (await createNotification(t.db, a.tenantId, a.userId, notification())).id;
    const theirs = (await createNotification(t.db, b.tenantId, b.userId, notification())).id;
    const list = { [String(n)]: true, [String(theirs)]: true, '5': false };
    const m = await insertMonitor(t.db, a.tenantId, monitor({ notificationIDList: list }), true);
    expect((await notificationIdsOf(t.db, a.tenantId, [m])).get(m)).toEqual([n]);

    await updateMonitor(t.db, a.tenantId, m, monitor({ notificationIDList: {} }));
    expect((await notificationIdsOf(t.db, a.tenantId, [m])).get(m)).toEqual([]);
  });

  it('gives the delivery side each monitor’s active notifications with their configs', async () => {
    const m1 = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const m2 = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const quiet = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const n1 = await createNotification(t.db, a.tenantId, a.userId, notification({ name: 'n1' }));
    const n2 = await createNotification(t.db, a.tenantId, a.userId, notification({ name: 'n2' }));
    const off = await createNotification(t.db, a.tenantId, a.userId, notification({ name: 'x' }));
    await t.db
      .updateTable('notifications')
      .set({ active: false })
      .where('id', '=', off.id)
      .execute();
    await setMonitorNotifications(t.db, a.tenantId, m1, [n2.id, n1.id, off.id]);
    await setMonitorNotifications(t.db, a.tenantId, m2, [n2.id]);

    const linked = await linkedNotificationsOf(t.db, a.tenantId, [m1, m2, quiet]);
    expect(linked.get(m1)).toEqual([
      { id: n1.id, name: 'n1', config: notification({ name: 'n1' }).config },
      { id: n2.id, name: 'n2', config: notification({ name: 'n2' }).config },
    ]);
    expect(linked.get(m2)?.map((n) => n.id)).toEqual([n2.id]);
    expect(linked.get(quiet)).toEqual([]);
    // Another tenant asking about A's monitors learns nothing.
    expect(await linkedNotificationsOf(t.db, b.tenantId, [m1, m2])).toEqual(
      new Map([
        [m1, []],
        [m2, []],
      ]),
    );
    expect(await linkedNotificationsOf(t.db, a.tenantId, [])).toEqual(new Map());
  });

  it('deletes its own notification with its links, and reports how many monitors lost it', async () => {
    const m = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const { id } = await createNotification(t.db, a.tenantId, a.userId, notification());
    await setMonitorNotifications(t.db, a.tenantId, m, [id]);

    expect(await deleteNotification(t.db, b.tenantId, id)).toBeUndefined();
    expect(await linkRows(m)).toHaveLength(1);

    expect(await deleteNotification(t.db, a.tenantId, id)).toEqual({ unlinkedMonitorCount: 1 });
    expect(await findNotification(t.db, a.tenantId, id)).toBeUndefined();
    expect(await linkRows(m)).toEqual([]);
    expect(await deleteNotification(t.db, a.tenantId, id)).toBeUndefined();
  });

  it('drops a deleted monitor’s links', async () => {
    const m = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const { id } = await createNotification(t.db, a.tenantId, a.userId, notification());
    await setMonitorNotifications(t.db, a.tenantId, m, [id]);
    await deleteMonitor(t.db, a.tenantId, m);
    expect(await linkRows(m)).toEqual([]);
    expect(await findNotification(t.db, a.tenantId, id)).toBeDefined();
  });
});
