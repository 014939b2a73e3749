import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import { createMemoryChangeBus } from '../queue/../changes/memory-change-bus.js';
import type { TenantEvents } from '../realtime/tenant-events.js';
import { serviceContext, type ServiceContext } from '../services/service-context.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { addMaintenance } from './add-maintenance.js';
import { deleteMaintenance } from './delete-maintenance.js';
import { editMaintenance } from './edit-maintenance.js';
import { getMaintenance } from './get-maintenance.js';
import { getMaintenanceMonitors } from './get-maintenance-monitors.js';
import { listMaintenances } from './list-maintenances.js';
import { maintenanceInputSchema } from './maintenance-input.js';
import { pauseMaintenance } from './pause-maintenance.js';
import { setMaintenanceMonitors } from './set-maintenance-monitors.js';
import { setMaintenanceStatusPages } from './set-maintenance-status-pages.js';

let t: TestDatabase;
let a: ServiceContext;
let b: ServiceContext;
const pushes: { tenantId: number; event: string }[] = [];
const pageChanges: number[] = [];

const monitor = () =>
  monitorInputSchema(20).parse({
    type: 'http',
    name: 'web',
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });

const input = (fields: Record<string, unknown> = {}) =>
  maintenanceInputSchema.parse({ title: 'upgrade', strategy: 'manual', ...fields });

beforeAll(async () => {
  t = await createTestDatabase();
  const events: TenantEvents = {
    emit(tenantId, event, ..._payload) {
      pushes.push({ tenantId, event });
    },
  };
  const changeBus = createMemoryChangeBus();
  await changeBus.subscribeStatusPageChanges((change) => pageChanges.push(change.tenantId));
  const ports = {
    db: t.db,
    events,
    changeBus,
    logger: pino({ level: 'silent' }),
    minIntervalSeconds: 20,
  };
  const tenant = (name: string) =>
    createTenantWithAdmin(t.db, { name, username: name, passwordHash: 'x' });
  a = serviceContext(ports, await tenant('a'));
  b = serviceContext(ports, await tenant('b'));
});
afterAll(async () => t?.drop());

describe('maintenance services', () => {
  it('pushes the list to the caller’s tenant before answering an add or an edit', async () => {
    pushes.length = 0;
    const id = await addMaintenance(a, input());
    expect(pushes).toEqual([{ tenantId: a.tenantId, event: 'maintenanceList' }]);
    expect(await editMaintenance(a, input({ id, title: 'renamed' }))).toBe(id);
    expect(pushes).toHaveLength(2);
    expect((await listMaintenances(a))[String(id)]).toMatchObject({ id, title: 'renamed' });
    expect(await listMaintenances(b)).toEqual({});
  });

  it('leaves the list push of a delete or pause to the returned publish', async () => {
    const id = await addMaintenance(a, input());
    pushes.length = 0;
    const paused = await pauseMaintenance(a, id);
    const deleted = await deleteMaintenance(a, id);
    expect(pushes).toEqual([]);
    await paused.publish();
    await deleted.publish();
    expect(pushes.map((p) => p.event)).toEqual(['maintenanceList', 'maintenanceList']);
  });

  it('answers another tenant’s window like a missing one', async () => {
    const id = await addMaintenance(a, input());
    await expect(getMaintenance(b, id)).rejects.toThrow('Maintenance not found');
    await expect(pauseMaintenance(b, id)).rejects.toThrow('Maintenance not found');
    await expect(editMaintenance(b, input({ id }))).rejects.toThrow('Maintenance not found');
    await expect(editMaintenance(a, input())).rejects.toThrow('Maintenance ID is required.');
    await expect(getMaintenanceMonitors(b, id)).rejects.toThrow('Maintenance not found');
  });

  it('links only the tenant’s own monitors and pages, and tells the public pages', async () => {
    const id = await addMaintenance(a, input());
    const own = await insertMonitor(t.db, a.tenantId, monitor(), true);
    const foreign = await insertMonitor(t.db, b.tenantId, monitor(), true);
    await expect(setMaintenanceMonitors(a, id, [own, foreign])).rejects.toThrow(
      'Monitor not found.',
    );
    await expect(setMaintenanceStatusPages(a, id, [2 ** 31 - 1])).rejects.toThrow(
      'Status page not found.',
    );
    pageChanges.length = 0;
    await setMaintenanceMonitors(a, id, [own]);
    expect(await getMaintenanceMonitors(a, id)).toEqual([{ id: own }]);
    await expect.poll(() => pageChanges).toEqual([a.tenantId]);
  });
});
