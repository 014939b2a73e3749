import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import type { ChangeBus } from '../changes/index.js';
import { serviceContext, type ServiceContext } from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { startFakeService, type FakeService } from './fake-service.js';
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
let emitted: { tenantId: number; event: string }[];
let alice: ServiceContext;
let bob: ServiceContext;

const noBus: ChangeBus = {
  publish: async () => undefined,
  subscribe: async () => undefined,
  publishStatusPageChange: async () => undefined,
  subscribeStatusPageChanges: async () => undefined,
};

async function tenantContext(name: string): Promise<ServiceContext> {
  const scope = await createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
  return serviceContext(
    {
      db: t.db,
      events: {
        emit: (tenantId, event, ..._args) => {
          emitted.push({ tenantId, event });
        },
      },
      changeBus: noBus,
      logger: pino({ level: 'silent' }),
      minIntervalSeconds: 20,
    },
    scope,
  );
}

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
  emitted = [];
  alice = await tenantContext('alice');
  bob = await tenantContext('bob');
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
    emitted = [];
    const { id } = await saveNotification(alice, webhook('plain'), null);
    expect(emitted).toEqual([{ tenantId: alice.tenantId, event: 'notificationList' }]);

    emitted = [];
    await saveNotification(alice, webhook('everywhere', { applyExisting: true }), id);
    expect(emitted).toEqual([
      { tenantId: alice.tenantId, event: 'notificationList' },
      { tenantId: alice.tenantId, event: 'monitorList' },
    ]);
    expect(await listNotifications(alice)).toMatchObject([{ id, name: 'everywhere' }]);
  });

  it('answers "notification not found" for another tenant’s id and publishes nothing', async () => {
    const [own] = await listNotifications(alice);
    emitted = [];
    await expect(saveNotification(bob, webhook('stolen'), own!.id)).rejects.toEqual(
      new AppError('not-found', 'notification not found'),
    );
    await expect(deleteNotification(bob, own!.id)).rejects.toEqual(
      new AppError('not-found', 'notification not found'),
    );
    expect(emitted).toEqual([]);
    expect(await listNotifications(alice)).toMatchObject([{ id: own!.id, name: 'everywhere' }]);
  });

  it('deletes with its links, then pushes both lists', async () => {
    const [own] = await listNotifications(alice);
    emitted = [];
    await deleteNotification(alice, own!.id);
    expect(emitted.map((e) => e.event)).toEqual(['notificationList', 'monitorList']);
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
