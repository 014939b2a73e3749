import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor } from '../monitors/monitor-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
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
let kit: ServiceTestKit;

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
  kit = createServiceTestKit(t.db);
  a = await kit.tenantContext('a');
  b = await kit.tenantContext('b');
});
afterAll(async () => t?.drop());

describe('maintenance services', () => {
  it('pushes the list to the caller’s tenant before answering an add or an edit', async () => {
    kit.clearPushes();
    const id = await addMaintenance(a, input());
    expect(kit.pushedEvents()).toEqual([{ tenantId: a.tenantId, event: 'maintenanceList' }]);
    expect(await editMaintenance(a, input({ id, title: 'renamed' }))).toBe(id);
    expect(kit.pushedEvents()).toHaveLength(2);
    expect((await listMaintenances(a))[String(id)]).toMatchObject({ id, title: 'renamed' });
    expect(await listMaintenances(b)).toEqual({});
  });

  it('leaves the list push of a delete or pause to the returned publish', async () => {
    const id = await addMaintenance(a, input());
    kit.clearPushes();
    const paused = await pauseMaintenance(a, id);
    const deleted = await deleteMaintenance(a, id);
    expect(kit.pushedEvents()).toEqual([]);
    await paused.publish();
    await deleted.publish();
    expect(kit.pushedEvents().map((p) => p.event)).toEqual(['maintenanceList', 'maintenanceList']);
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
    kit.pageChanges.length = 0;
    await setMaintenanceMonitors(a, id, [own]);
    expect(await getMaintenanceMonitors(a, id)).toEqual([{ id: own }]);
    await expect.poll(() => kit.pageChanges).toEqual([a.tenantId]);
  });
});
