import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { MONITOR_NOT_FOUND_MSG } from '../monitors/monitor-id.js';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { addMonitorTag } from './add-monitor-tag.js';
import { addTag } from './add-tag.js';
import { deleteMonitorTag } from './delete-monitor-tag.js';
import { deleteTag } from './delete-tag.js';
import { editMonitorTag } from './edit-monitor-tag.js';
import { editTag } from './edit-tag.js';
import { listTags } from './list-tags.js';
import { TAG_NOT_FOUND_MSG } from './tag-input.js';

// The services as any transport calls them: a real database, and the pushes they publish
// recorded in order. A tag change pushes monitorList only when a monitor shows it.

let t: TestDatabase;
let kit: ServiceTestKit;
let alice: ServiceContext;
let bob: ServiceContext;
let monitorId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  kit = createServiceTestKit(t.db);
  alice = await kit.tenantContext('alice');
  bob = await kit.tenantContext('bob');
  const monitor = monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  monitorId = await insertMonitor(t.db, alice.tenantId, monitor, true);
});
afterAll(async () => t?.drop());

describe('tag services', () => {
  it('adds and renames an unlinked tag without pushing anything', async () => {
    kit.clearPushes();
    const tag = await addTag(alice, { name: 'prod', color: 'red' });
    const renamed = await editTag(alice, { id: tag.id, name: 'live', color: 'blue' });
    expect(renamed).toEqual({ id: tag.id, name: 'live', color: 'blue' });
    expect(await listTags(alice)).toEqual([renamed]);
    expect(await listTags(bob)).toEqual([]);
    expect(kit.pushedEvents()).toEqual([]);
  });

  it('pushes monitorList to the tenant for every change a monitor shows', async () => {
    const [tag] = await listTags(alice);
    kit.clearPushes();
    await addMonitorTag(alice, tag!.id, monitorId, 'eu');
    await editMonitorTag(alice, tag!.id, monitorId, 'us');
    await editTag(alice, { id: tag!.id, name: 'live', color: 'green' });
    await deleteMonitorTag(alice, tag!.id, monitorId, 'us');
    expect(kit.pushedEvents()).toEqual(
      Array(4).fill({ tenantId: alice.tenantId, event: 'monitorList' }),
    );
  });

  it('changes of nothing succeed without a push', async () => {
    const [tag] = await listTags(alice);
    kit.clearPushes();
    await editMonitorTag(alice, tag!.id, monitorId, 'none left');
    await deleteMonitorTag(alice, tag!.id, monitorId, 'none left');
    await deleteTag(bob, tag!.id);
    expect(kit.pushedEvents()).toEqual([]);
    expect(await listTags(alice)).toEqual([tag]);
  });

  it('answers another tenant’s tag or monitor as not found', async () => {
    const [tag] = await listTags(alice);
    const own = await addTag(bob, { name: 'mine', color: 'c' });
    await expect(addMonitorTag(bob, tag!.id, monitorId, null)).rejects.toEqual(
      new AppError('not-found', TAG_NOT_FOUND_MSG),
    );
    await expect(addMonitorTag(bob, own.id, monitorId, null)).rejects.toEqual(
      new AppError('not-found', MONITOR_NOT_FOUND_MSG),
    );
    await expect(editTag(bob, { id: tag!.id, name: 'x', color: 'y' })).rejects.toEqual(
      new AppError('not-found', TAG_NOT_FOUND_MSG),
    );
  });
});
