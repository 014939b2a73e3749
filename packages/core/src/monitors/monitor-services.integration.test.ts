import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { getMonitorBeats } from '../heartbeats/get-monitor-beats.js';
import type { ServiceContext } from '../services/service-context.js';
import { createServiceTestKit, type ServiceTestKit } from '../testing/service-test-kit.js';
import { openTestDatabase, type BackendTestDatabase } from '../testing/test-database.js';
import { addMonitor } from './add-monitor.js';
import { deleteMonitor } from './delete-monitor.js';
import { editMonitor } from './edit-monitor.js';
import { MONITOR_NOT_FOUND_MSG } from './monitor-id.js';
import * as monitorRepository from './monitor-repository.js';
import { pauseMonitor } from './pause-monitor.js';

// The monitor services without a socket in sight, as a REST transport would call them: what
// they store, push to the tenant's room and tell the scheduler.

let t: BackendTestDatabase;
let kit: ServiceTestKit;
let alice: ServiceContext;
let bob: ServiceContext;

const httpMonitor = (overrides: Record<string, unknown> = {}) => ({
  type: 'http',
  name: 'web',
  url: 'https://example.com/',
  accepted_statuscodes: ['200-299'],
  ...overrides,
});

const groupMonitor = (overrides: Record<string, unknown> = {}) =>
  httpMonitor({ type: 'group', name: 'g', url: undefined, ...overrides });

async function refusal(promise: Promise<unknown>): Promise<[string, string]> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return [error.code, error.message];
}

beforeAll(async () => {
  t = await openTestDatabase('postgres');
  kit = createServiceTestKit(t.db);
  alice = await kit.tenantContext('alice');
  bob = await kit.tenantContext('bob');
});
afterAll(async () => t?.drop());
beforeEach(() => {
  kit.clearPushes();
  kit.monitorChanges.length = 0;
});

/** Every push so far as `[tenantId, event, ...args]`. */
const pushes = () => kit.pushes.map(({ tenantId, event, args }) => [tenantId, event, ...args]);

describe('monitor services', () => {
  it('addMonitor stores the monitor, starts it and pushes the list to its tenant only', async () => {
    const { monitorId } = await addMonitor(alice, httpMonitor());
    expect((await monitorRepository.findMonitor(t.db, alice.tenantId, monitorId))?.name).toBe(
      'web',
    );
    expect(kit.monitorChanges).toEqual([{ kind: 'upsert', monitorId, tenantId: alice.tenantId }]);
    expect(pushes().map(([tenant, event]) => [tenant, event])).toEqual([
      [alice.tenantId, 'monitorList'],
    ]);
    expect(pushes()[0]?.[2]).toHaveProperty(String(monitorId));
  });

  it('addMonitor with active: false stores it paused and tells the scheduler to drop it', async () => {
    const { monitorId } = await addMonitor(alice, httpMonitor({ active: false }));
    expect(kit.monitorChanges).toEqual([{ kind: 'remove', monitorId, tenantId: alice.tenantId }]);
  });

  it('editMonitor refuses to put a group inside its own subtree', async () => {
    const { monitorId: group } = await addMonitor(alice, groupMonitor());
    const { monitorId: child } = await addMonitor(
      alice,
      groupMonitor({ name: 'c', parent: group }),
    );
    kit.clearPushes();
    expect(await refusal(editMonitor(alice, groupMonitor({ id: group, parent: child })))).toEqual([
      'invalid-input',
      'Invalid Monitor Group',
    ]);
    expect(pushes()).toEqual([]);
  });

  it('deleteMonitor pushes nothing until its publish step, then the list and the emptied events', async () => {
    const { monitorId } = await addMonitor(alice, httpMonitor());
    kit.clearPushes();
    kit.monitorChanges.length = 0;
    const { publish } = await deleteMonitor(alice, monitorId);
    expect(pushes()).toEqual([]);
    expect(kit.monitorChanges).toEqual([{ kind: 'remove', monitorId, tenantId: alice.tenantId }]);
    await publish();
    expect(pushes().map(([tenant, event]) => [tenant, event])).toEqual([
      [alice.tenantId, 'monitorList'],
      [alice.tenantId, 'importantHeartbeatList'],
    ]);
    expect(pushes()[1]).toEqual([alice.tenantId, 'importantHeartbeatList', monitorId, [], true]);
  });

  it("answers another tenant's monitor like a missing one and changes nothing", async () => {
    const { monitorId } = await addMonitor(alice, httpMonitor());
    kit.clearPushes();
    kit.monitorChanges.length = 0;
    expect(await refusal(deleteMonitor(bob, monitorId))).toEqual([
      'not-found',
      MONITOR_NOT_FOUND_MSG,
    ]);
    expect(await refusal(pauseMonitor(bob, monitorId))).toEqual([
      'permission-denied',
      'You do not own this monitor.',
    ]);
    expect(await refusal(getMonitorBeats(bob, monitorId, 24))).toEqual([
      'not-found',
      MONITOR_NOT_FOUND_MSG,
    ]);
    expect(await monitorRepository.findMonitor(t.db, alice.tenantId, monitorId)).toBeDefined();
    expect(pushes()).toEqual([]);
    expect(kit.monitorChanges).toEqual([]);
  });
});
