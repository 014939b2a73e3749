import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAINTENANCE, monitorInputSchema, UP } from '@watchpost/core';
import {
  maintenanceInputSchema,
  maintenanceRepository,
  monitorRepository,
  tenantRepository,
  toMaintenanceFields,
} from '@watchpost/core/db';
import {
  createTestDatabase,
  uniqueRedisPrefix,
  waitFor,
  type TestDatabase,
} from '@watchpost/core/testing';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpTarget, type HttpTarget } from './support/targets.js';

// docs/protocol/monitoring.md#scheduling-retries-and-resend step 3 / docs/protocol/monitoring.md#maintenance-effect end to end: scheduler and workers on the real queue, the window
// stored in the database and nowhere else.

let t: TestDatabase;
let target: HttpTarget;
let tenantId: number;
let userId: number;
let roles: ReturnType<typeof createPipelineRoles> | undefined;

const parseMonitor = monitorInputSchema(1).parse;
const windowFields = (input: Record<string, unknown>) =>
  toMaintenanceFields(maintenanceInputSchema.parse({ title: 'upgrade', ...input }));

beforeAll(async () => {
  t = await createTestDatabase();
  target = await startHttpTarget();
  ({ tenantId, userId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'acme',
    username: 'acme-admin',
    passwordHash: 'x',
  }));
});
afterAll(async () => {
  await roles?.close();
  await target?.close();
  await t?.drop();
});

async function addMonitor(fields: Record<string, unknown>) {
  const input = parseMonitor({ interval: 1, accepted_statuscodes: ['200-299'], ...fields });
  const id = await monitorRepository.insertMonitor(t.db, tenantId, input, true);
  await roles?.changes.publish({ kind: 'upsert', monitorId: id, tenantId });
  return id;
}

async function latestBeat(monitorId: number) {
  return t.db
    .selectFrom('heartbeats')
    .select(['status', 'msg', 'time', 'important'])
    .where('monitor_id', '=', monitorId)
    .orderBy('time', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function beatAfter(monitorId: number, since: number, status: number) {
  return waitFor(
    async () => {
      const beat = await latestBeat(monitorId);
      return beat && beat.time.getTime() > since && beat.status === status ? beat : false;
    },
    { what: `monitor ${monitorId} status ${status}` },
  );
}

describe('maintenance in the pipeline (docs/protocol/monitoring.md#maintenance-effect)', () => {
  it('records MAINTENANCE beats without checking while a window covers a group, then checks again', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('maintenance'));
    await roles.startScheduler();
    // Two workers: the window is read from the database, so both must agree.
    await roles.startWorker();
    await roles.startWorker();
    const group = await addMonitor({ type: 'group', name: 'shop' });
    const child = await addMonitor({ type: 'http', name: 'web', url: target.url, parent: group });
    const up = await beatAfter(child, 0, UP);

    const windowId = await maintenanceRepository.insertMaintenance(
      t.db,
      tenantId,
      userId,
      windowFields({ strategy: 'manual' }),
    );
    await maintenanceRepository.setMaintenanceMonitors(t.db, tenantId, windowId, [group]);

    const first = await beatAfter(child, up.time.getTime(), MAINTENANCE);
    expect(first).toMatchObject({ msg: 'Monitor under maintenance', important: true });
    await beatAfter(group, up.time.getTime(), MAINTENANCE);
    // A check already in flight when the window opened may still land; after the next
    // MAINTENANCE beat none can be.
    const settled = await beatAfter(child, first.time.getTime(), MAINTENANCE);
    const hits = target.hits();
    const later = await beatAfter(child, settled.time.getTime(), MAINTENANCE);
    expect(later.important).toBe(false);
    expect(target.hits()).toBe(hits);
    const pushed = roles.emitted.filter(
      (e) => e.event === 'heartbeat' && (e.args[0] as { monitorID?: number }).monitorID === child,
    );
    expect(pushed.map((e) => (e.args[0] as { status: number }).status)).toContain(MAINTENANCE);

    // Paused: checks run again.
    await maintenanceRepository.setMaintenanceActive(t.db, tenantId, windowId, false);
    const resumed = await beatAfter(child, later.time.getTime(), UP);
    expect(resumed.important).toBe(true);
    expect(target.hits()).toBeGreaterThan(hits);

    // Active again, but now a single window that has ended: still checked normally.
    await maintenanceRepository.setMaintenanceActive(t.db, tenantId, windowId, true);
    const again = await beatAfter(child, resumed.time.getTime(), MAINTENANCE);
    await maintenanceRepository.updateMaintenance(
      t.db,
      tenantId,
      windowId,
      windowFields({
        strategy: 'single',
        dateRange: ['2020-01-01 00:00:00', '2020-01-02 00:00:00'],
      }),
    );
    await beatAfter(child, again.time.getTime(), UP);
  });
});
