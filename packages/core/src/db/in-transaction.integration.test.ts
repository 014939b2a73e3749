import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import * as monitors from '../monitors/monitor-repository.js';
import * as notifications from '../notifications/notification-repository.js';
import { notificationInputSchema } from '../notifications/notification-wire.js';
import * as proxies from '../proxies/proxy-repository.js';
import { proxyInputSchema } from '../proxies/proxy-wire.js';
import * as tags from '../tags/tag-repository.js';
import { createTenantWithAdmin, type CreatedTenant } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';

let t: BackendTestDatabase;
let a: CreatedTenant;

const monitor = monitorInputSchema(20).parse({
  type: 'http',
  name: 'web',
  url: 'http://127.0.0.1:1/',
  accepted_statuscodes: ['200-299'],
});
const proxy = proxyInputSchema.parse({ protocol: 'http', host: '127.0.0.1', port: 3128 });
const notification = notificationInputSchema.parse({ name: 'hook', type: 'webhook' });

async function counts() {
  const count = async (table: 'monitors' | 'proxies' | 'tags' | 'notifications') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_id', '=', a.tenantId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    monitors: await count('monitors'),
    proxies: await count('proxies'),
    tags: await count('tags'),
    notifications: await count('notifications'),
  };
}

// The same repository code runs on Postgres (distributed) and PGlite (embedded).
describe.each(TEST_BACKENDS)('repository writes inside a caller’s transaction on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    a = await createTenantWithAdmin(t.db, { name: 'a', username: 'a', passwordHash: 'x' });
  });
  afterAll(async () => t?.drop());

  it('roll back with it when the caller fails after them', async () => {
    const tag = await tags.createTag(t.db, a.tenantId, { name: 'prod', color: '#000' });
    const before = await counts();
    const failure = t.db
      .transaction()
      .execute(async (trx) => {
        const id = await monitors.insertMonitor(trx, a.tenantId, monitor, true);
        await monitors.insertMonitors(trx, a.tenantId, [{ input: monitor, active: false }]);
        await monitors.updateMonitor(trx, a.tenantId, id, monitor);
        await monitors.setMonitorActive(trx, a.tenantId, id, false);
        await proxies.saveProxy(trx, a.tenantId, a.userId, null, proxy);
        await notifications.createNotification(trx, a.tenantId, a.userId, notification);
        await tags.updateTag(trx, a.tenantId, tag.id, { name: 'renamed', color: '#fff' });
        await tags.deleteTag(trx, a.tenantId, tag.id);
        throw new Error('caller gives up');
      })
      .catch((error: unknown) => error);
    expect(await failure).toEqual(new Error('caller gives up'));
    expect(await counts()).toEqual(before);
    expect(await tags.listTags(t.db, a.tenantId)).toEqual([tag]);
  });

  it('commit on their own when called outside a transaction', async () => {
    const before = await counts();
    await monitors.insertMonitor(t.db, a.tenantId, monitor, true);
    await proxies.saveProxy(t.db, a.tenantId, a.userId, null, proxy);
    expect(await counts()).toEqual({
      ...before,
      monitors: before.monitors + 1,
      proxies: before.proxies + 1,
    });
  });
});
