import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema, type TlsInfo } from '@watchpost/core';
import { monitorRepository, tenantRepository } from '@watchpost/core/db';
import { createTestDatabase, uniqueRedisPrefix, type TestDatabase } from '@watchpost/core/testing';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpsTarget, startHttpTarget, type HttpTarget } from './support/targets.js';
import { sleep, waitFor } from './support/wait-for.js';

let t: TestDatabase;
let target: HttpTarget;
let tenantId: number;
let roles: ReturnType<typeof createPipelineRoles>;

const parseMonitor = monitorInputSchema(1).parse;

beforeAll(async () => {
  t = await createTestDatabase();
  target = await startHttpTarget();
  ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'acme',
    username: 'acme-admin',
    passwordHash: 'x',
  }));
});
afterEach(async () => {
  await roles?.close();
  // Each test starts from a quiet database: earlier tests' monitors must not be checked.
  await t.db.deleteFrom('monitors').execute();
});
afterAll(async () => {
  await target?.close();
  await t?.drop();
});

async function addMonitor(overrides: Record<string, unknown> = {}) {
  const input = parseMonitor({
    type: 'http',
    name: 'web',
    url: target.url,
    interval: 1,
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  const id = await monitorRepository.insertMonitor(t.db, tenantId, input, true);
  await roles.changes.publish({ kind: 'upsert', monitorId: id, tenantId });
  return id;
}

async function beatTimes(monitorId: number): Promise<number[]> {
  const rows = await t.db
    .selectFrom('heartbeats')
    .select('time')
    .where('monitor_id', '=', monitorId)
    .orderBy('time')
    .execute();
  return rows.map((r) => r.time.getTime());
}

describe('check pipeline', () => {
  it('checks a new monitor at once and then once per interval', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    await roles.startScheduler();
    await roles.startWorker();
    const id = await addMonitor();
    const first = await waitFor(async () => (await beatTimes(id))[0], { what: 'first beat' });
    await sleep(3500);
    const times = (await beatTimes(id)).filter((x) => x >= first);
    // One immediate check, then one per 1 s slot: 4 or 5 in 3.5 s (3 if the machine is
    // very busy), never a burst.
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times.length).toBeLessThanOrEqual(5);
    const heartbeats = roles.emitted.filter((e) => e.event === 'heartbeat');
    expect(heartbeats.length).toBe(times.length);
  });

  it('enqueues each slot once with two scheduler replicas running', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    await roles.startScheduler();
    await roles.startScheduler();
    await roles.startWorker();
    const ids = await Promise.all([1, 2, 3].map(() => addMonitor()));
    await waitFor(async () => (await beatTimes(ids[2]!)).length > 0, { what: 'first beats' });
    await sleep(4000);
    for (const id of ids) {
      const times = await beatTimes(id);
      // After the immediate first check every gap is about one 1 s slot; a slot enqueued by
      // both schedulers would show as two beats a few milliseconds apart.
      const gaps = times.slice(2).map((x, i) => x - times[i + 1]!);
      expect(times.length).toBeLessThanOrEqual(6);
      for (const gap of gaps) expect(gap).toBeGreaterThan(300);
    }
  });

  it('runs each monitor once when workers return after missing many slots', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    // A short lease makes the scheduler re-claim the waiting monitors during the outage.
    await roles.startScheduler({ leaseMs: 500 });
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => addMonitor()));
    await sleep(4000);
    const hitsBefore = target.hits();
    await roles.startWorker();
    await waitFor(
      async () => (await Promise.all(ids.map(beatTimes))).every((times) => times.length > 0),
      { what: 'every monitor checked' },
    );
    await sleep(300);
    const times = await Promise.all(ids.map(beatTimes));
    for (const monitorTimes of times) {
      // Four slots were missed; catching up on them would show as a burst of beats. What
      // must show is one check on return and, at most, the next regular one.
      expect(monitorTimes.length).toBeLessThanOrEqual(2);
      const gaps = monitorTimes.slice(1).map((x, i) => x - monitorTimes[i]!);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(450);
    }
    expect(target.hits() - hitsBefore).toBe(times.flat().length);
  });

  it('drops a job whose slot a finished check already served', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    await roles.startScheduler();
    await roles.startWorker();
    // A long interval: after the first check nothing else is due during this test.
    const id = await addMonitor({ interval: 300 });
    await waitFor(async () => (await beatTimes(id)).length === 1, { what: 'first beat' });
    const { next_due_at: nextDue } = await t.db
      .selectFrom('monitor_state')
      .select('next_due_at')
      .where('monitor_id', '=', id)
      .executeTakeFirstOrThrow();
    // A job for an earlier slot, as a scheduler re-claim racing the reschedule produces.
    await roles.queue.enqueue([{ monitorId: id, tenantId, dueAt: nextDue!.getTime() - 1000 }]);
    await sleep(500);
    expect(await beatTimes(id)).toHaveLength(1);

    await roles.queue.enqueue([{ monitorId: id, tenantId, dueAt: nextDue!.getTime() }]);
    await waitFor(async () => (await beatTimes(id)).length === 2, { what: 'the next slot' });
  });

  it('stops checking a paused monitor and forgets a deleted one', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    await roles.startScheduler();
    await roles.startWorker();
    const id = await addMonitor();
    await waitFor(async () => (await beatTimes(id)).length >= 2, { what: 'two beats' });
    await monitorRepository.setMonitorActive(t.db, tenantId, id, false);
    await roles.changes.publish({ kind: 'remove', monitorId: id, tenantId });
    await sleep(1200); // a check already running may still land
    const paused = (await beatTimes(id)).length;
    await sleep(2000);
    expect((await beatTimes(id)).length).toBe(paused);

    await monitorRepository.deleteMonitor(t.db, tenantId, id);
    await roles.changes.publish({ kind: 'remove', monitorId: id, tenantId });
    expect(await beatTimes(id)).toEqual([]);
  });

  it('keeps the certificate facts of an HTTPS target in the monitor state and pushes them', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    const https = await startHttpsTarget(30);
    try {
      await roles.startScheduler();
      await roles.startWorker();
      const id = await addMonitor({ url: https.url, ignoreTls: true, interval: 300 });
      const state = await waitFor(
        () =>
          t.db
            .selectFrom('monitor_state')
            .select(['status', 'tls_info'])
            .where('monitor_id', '=', id)
            .where('tls_info', 'is not', null)
            .executeTakeFirst(),
        { what: 'TLS facts in the monitor state' },
      );
      expect(state.status).toBe(1);
      const tls = state.tls_info as TlsInfo;
      expect(tls.valid).toBe(false);
      expect(tls.certInfo.daysRemaining).toBeGreaterThanOrEqual(29);
      expect(tls.certInfo.daysRemaining).toBeLessThanOrEqual(31);
      expect(tls.certInfo.subject).toMatchObject({ CN: 'localhost' });
      expect(tls.certInfo.fingerprint256).toMatch(/^[0-9A-F:]+$/);
      const pushed = await waitFor(() =>
        roles.emitted.find((e) => e.event === 'certInfo' && e.args[0] === id),
      );
      // Spec §9.5: the certificate travels as JSON text.
      expect(JSON.parse(pushed.args[1] as string)).toEqual(tls);
    } finally {
      await https.close();
    }
  });

  it('finds monitors added while no scheduler was listening', async () => {
    roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'));
    const input = parseMonitor({
      type: 'http',
      name: 'silent add',
      url: target.url,
      interval: 1,
      accepted_statuscodes: ['200-299'],
    });
    const id = await monitorRepository.insertMonitor(t.db, tenantId, input, true);
    await roles.startWorker();
    await roles.startScheduler();
    await waitFor(async () => (await beatTimes(id)).length > 0, { what: 'reconciled check' });
  });
});
