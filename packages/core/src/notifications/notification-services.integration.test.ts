import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import { startFakeService, type FakeService } from './fake-service.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { deleteNotification } from './delete-notification.js';
import { listNotifications } from './list-notifications.js';
import { notificationInputSchema } from './notification-wire.js';
import { UNSUPPORTED_TYPE_MSG } from './registry.js';
import { saveNotification } from './save-notification.js';
import { testNotification } from './test-notification.js';

// The services as any transport calls them: a real database, and the pushes they publish
// recorded in order.

let t: TestDatabase;
let hooks: FakeService;
let kit: ServiceTestKit;
let alice: ServiceContext;
let bob: ServiceContext;

const webhook = (name: string, extra: Record<string, unknown> = {}) =>
  notificationInputSchema.parse({
    type: 'webhook',
    name,
    webhookURL: `${hooks.url}/hook`,
    webhookContentType: 'json',
    ...extra,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  hooks = await startFakeService();
  kit = createServiceTestKit(t.db);
  alice = await kit.tenantContext('alice');
  bob = await kit.tenantContext('bob');
  const monitor = monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  await insertMonitor(t.db, alice.tenantId, monitor, true);
});
afterAll(async () => {
  await hooks?.close();
  await t?.drop();
});

describe('notification services', () => {
  it('saves and pushes notificationList, then monitorList when applyExisting linked any', async () => {
    kit.clearPushes();
    const { id } = await saveNotification(alice, webhook('plain'), null);
    expect(kit.pushedEvents()).toEqual([{ tenantId: alice.tenantId, event: 'notificationList' }]);

    kit.clearPushes();
    await saveNotification(alice, webhook('everywhere', { applyExisting: true }), id);
    expect(kit.pushedEvents()).toEqual([
      { tenantId: alice.tenantId, event: 'notificationList' },
      { tenantId: alice.tenantId, event: 'monitorList' },
    ]);
    expect(await listNotifications(alice)).toMatchObject([{ id, name: 'everywhere' }]);
  });

  it('answers "notification not found" for another tenant’s id and publishes nothing', async () => {
    const [own] = await listNotifications(alice);
    kit.clearPushes();
    await expect(saveNotification(bob, webhook('stolen'), own!.id)).rejects.toEqual(
      new AppError('not-found', 'notification not found'),
    );
    await expect(deleteNotification(bob, own!.id)).rejects.toEqual(
      new AppError('not-found', 'notification not found'),
    );
    expect(kit.pushedEvents()).toEqual([]);
    expect(await listNotifications(alice)).toMatchObject([{ id: own!.id, name: 'everywhere' }]);
  });

  it('deletes with its links, then pushes both lists', async () => {
    const [own] = await listNotifications(alice);
    kit.clearPushes();
    await deleteNotification(alice, own!.id);
    expect(kit.pushedEvents().map((e) => e.event)).toEqual(['notificationList', 'monitorList']);
    expect(await listNotifications(alice)).toEqual([]);
  });

  it('tests a config for real: the provider’s text either way, as a value', async () => {
    const config = webhook('test').config;
    expect(await testNotification(alice, config)).toEqual({
      sent: true,
      msg: 'Sent Successfully.',
    });
    expect(hooks.requests.at(-1)?.json).toMatchObject({ msg: 'test Testing' });

    hooks.replyWith({ status: 500, body: 'down' });
    const refused = await testNotification(alice, config);
    expect(refused).toMatchObject({ sent: false, error: expect.any(String) });
  });

  it('refuses a type no provider sends with upstream’s text', async () => {
    await expect(testNotification(alice, { type: 'carrier-pigeon', name: 'x' })).rejects.toEqual(
      new AppError('invalid-input', UNSUPPORTED_TYPE_MSG),
    );
  });
});
