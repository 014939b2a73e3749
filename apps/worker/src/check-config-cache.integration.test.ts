import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import {
  addMonitor,
  deleteMonitor,
  editMonitor,
  getMonitor,
  pauseMonitor,
  resumeMonitor,
  type ServiceContext,
} from '@watchpost/core/services';
import { createMemoryChangeBus } from '@watchpost/core/changes';
import { createInProcessCheckQueue, createMemoryDueSet } from '@watchpost/core/queue';
import {
  createServiceTestKit,
  createTestDatabase,
  waitFor,
  type TestDatabase,
} from '@watchpost/core/testing';
import { startWorker, type RunningWorker } from './start-worker.js';
import { silentObserver } from './worker-observer.js';

// The worker keeps monitor configs between checks; what a tenant changes through the
// services must still reach the very next check.

let t: TestDatabase;
let target: Server;
let targetBase: string;
const requests: string[] = [];
const changes = createMemoryChangeBus();
const queue = createInProcessCheckQueue({ concurrency: 10, onError: () => {} });
const dueSet = createMemoryDueSet();
let finished = 0;
let worker: RunningWorker;
let alice: ServiceContext;
let bob: ServiceContext;

beforeAll(async () => {
  t = await createTestDatabase();
  target = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetBase = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  const kit = createServiceTestKit(t.db);
  // The services publish on the bus the worker listens to, as in embedded mode.
  alice = { ...(await kit.tenantContext('alice')), changeBus: changes };
  bob = { ...(await kit.tenantContext('bob')), changeBus: changes };
  worker = await startWorker({
    db: t.db,
    consumer: queue,
    dueSet,
    changes,
    events: { emit: () => {} },
    logger: pino({ level: 'silent' }),
    beatBatchSize: 100,
    beatBatchWaitMs: 5,
    observer: { ...silentObserver, checkFinished: () => void finished++ },
  });
});
afterAll(async () => {
  await worker?.close();
  await new Promise((resolve) => target?.close(resolve));
  await t?.drop();
});

const http = (path: string, overrides: Record<string, unknown> = {}) => ({
  type: 'http',
  name: path,
  url: `${targetBase}${path}`,
  accepted_statuscodes: ['200-299'],
  ...overrides,
});

// Each job is due after the slot the previous check chose, so none is dropped as stale.
let dueAt = Date.now() + 3_600_000;

/** Runs one check job for the monitor and answers the paths it requested. */
async function check(ctx: ServiceContext, monitorId: number): Promise<string[]> {
  // Changes are delivered on a later microtask, as over Redis: let them land first.
  await new Promise((resolve) => setImmediate(resolve));
  const before = requests.length;
  const done = finished + 1;
  dueAt += 1000;
  await queue.enqueue([{ monitorId, tenantId: ctx.tenantId, dueAt }]);
  await waitFor(() => finished >= done, { what: 'the check to finish' });
  return requests.slice(before);
}

describe('monitor configs kept by the worker', () => {
  it('checks the edited config at the next check after an edit', async () => {
    const { monitorId } = await addMonitor(alice, http('/before'));
    expect(await check(alice, monitorId)).toEqual(['/before']);
    expect(await check(alice, monitorId)).toEqual(['/before']);
    const monitor = await getMonitor(alice, monitorId);
    await editMonitor(alice, { ...monitor, url: `${targetBase}/after` });
    expect(await check(alice, monitorId)).toEqual(['/after']);
  });

  it('stops checking a paused or deleted monitor and checks a resumed one', async () => {
    const { monitorId } = await addMonitor(alice, http('/paused'));
    expect(await check(alice, monitorId)).toEqual(['/paused']);
    await pauseMonitor(alice, monitorId);
    expect(await check(alice, monitorId)).toEqual([]);
    await resumeMonitor(alice, monitorId);
    expect(await check(alice, monitorId)).toEqual(['/paused']);
    await deleteMonitor(alice, monitorId);
    expect(await check(alice, monitorId)).toEqual([]);
    expect(await dueSet.scheduledIds()).not.toContain(monitorId);
  });

  it('hears of a group paused above a kept monitor (its own row unchanged)', async () => {
    const { monitorId: group } = await addMonitor(alice, { ...http('/g'), type: 'group' });
    const { monitorId } = await addMonitor(alice, http('/child', { parent: group }));
    expect(await check(alice, monitorId)).toEqual(['/child']);
    await pauseMonitor(alice, group);
    expect(await check(alice, monitorId)).toEqual([]);
    await resumeMonitor(alice, group);
    expect(await check(alice, monitorId)).toEqual(['/child']);
  });

  it("never lends a kept config to a job naming another tenant's monitor", async () => {
    const { monitorId } = await addMonitor(alice, http('/alice-only'));
    expect(await check(alice, monitorId)).toEqual(['/alice-only']);
    expect(await check(bob, monitorId)).toEqual([]);
    expect(await check(alice, monitorId)).toEqual(['/alice-only']);
  });
});
