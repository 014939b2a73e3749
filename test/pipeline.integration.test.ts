import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema, type TlsInfo } from '@watchpost/core';
import { monitorRepository, tenantRepository } from '@watchpost/core/db';
import {
  createTestDatabase,
  uniqueRedisPrefix,
  waitFor,
  type TestDatabase,
} from '@watchpost/core/testing';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpsTarget, startHttpTarget, type HttpTarget } from './support/targets.js';
import { createTestClock, type TestClock } from './support/test-clock.js';

// The roles run on a clock the tests move by hand: a monitor's next slot comes when the
// test moves the clock there, not after sleeping through its interval.
let t: TestDatabase;
let target: HttpTarget;
let tenantId: number;
let clock: TestClock;
let roles: ReturnType<typeof createPipelineRoles>;

function createRoles() {
  clock = createTestClock();
  roles = createPipelineRoles(t.db, uniqueRedisPrefix('pipeline'), { now: clock.now });
}

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

/** Moves the clock to the monitors' next due time, `slots` times, each time until every one has beaten. */
async function passSlots(slots: number, ids: number[]) {
  for (let slot = 1; slot <= slots; slot++) {
    const counts = await Promise.all(ids.map(async (id) => (await beatTimes(id)).length));
    const states = await t.db
      .selectFrom('monitor_state')
      .select('next_due_at')
      .where('monitor_id', 'in', ids)
      .execute();
    clock.advance(Math.max(...states.map((s) => s.next_due_at!.getTime())) - clock.now());
    await waitFor(
      async () => (await Promise.all(ids.map(beatTimes))).every((t, i) => t.length > counts[i]!),
      { what: `the beats of slot ${slot}` },
    );
  }
}

const byNumber = (a: number, b: number) => a - b;

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
    createRoles();
    await roles.startScheduler();
    await roles.startWorker();
    const id = await addMonitor();
    const first = await waitFor(async () => (await beatTimes(id))[0] ?? false, {
      what: 'first beat',
    });
    await passSlots(3, [id]);
    await roles.settled();
    const times = await beatTimes(id);
    // One immediate check, then one per 1 s slot (the first at least half an interval
    // later), never a burst.
    expect(times).toHaveLength(4);
    expect(times[1]! - first).toBeGreaterThanOrEqual(500);
    expect(times.slice(2).map((x, i) => x - times[i + 1]!)).toEqual([1000, 1000]);
    const heartbeats = roles.emitted.filter((e) => e.event === 'heartbeat');
    expect(heartbeats.length).toBe(times.length);
  });

  it('enqueues each slot once with two scheduler replicas running', async () => {
    createRoles();
    await roles.startScheduler();
    await roles.startScheduler();
    await roles.startWorker();
    const ids = await Promise.all([1, 2, 3].map(() => addMonitor()));
    await waitFor(
      async () => (await Promise.all(ids.map(beatTimes))).every((times) => times.length > 0),
      { what: 'first beats' },
    );
    await passSlots(4, ids);
    await roles.settled();
    for (const id of ids) {
      const times = await beatTimes(id);
      // The immediate first check, then one beat per slot, at least half an interval apart;
      // a slot enqueued by both schedulers would show as two beats at the same time.
      expect(times).toHaveLength(5);
      const gaps = times.slice(1).map((x, i) => x - times[i]!);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(500);
    }
  });

  it('runs each monitor once when workers return after missing many slots', async () => {
    createRoles();
    // A short lease makes the scheduler re-claim the waiting monitors during the outage.
    const scheduler = await roles.startScheduler({ leaseMs: 500 });
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => addMonitor()));
    await waitFor(async () => (await roles.queue.waitingCount()) === ids.length, {
      what: 'the first jobs',
    });
    // Four 1 s slots pass without a worker; each lease runs out and the monitor is claimed
    // again (the tick only makes sure the claim happened before the clock moves on).
    for (let i = 0; i < 8; i++) {
      clock.advance(500);
      await scheduler.tick();
    }
    const hitsBefore = target.hits();
    await roles.startWorker();
    await waitFor(
      async () => (await Promise.all(ids.map(beatTimes))).every((times) => times.length > 0),
      { what: 'every monitor checked' },
    );
    await roles.settled();
    const times = await Promise.all(ids.map(beatTimes));
    for (const monitorTimes of times) {
      // Four slots were missed; catching up on them would show as a burst of beats. What
      // must show is one check on return (the clock stands still after it).
      expect(monitorTimes).toHaveLength(1);
    }
    expect(target.hits() - hitsBefore).toBe(times.flat().length);
  });

  it('refills a wiped due set from the database at once, not at the next reconciliation', async () => {
    createRoles();
    // Reconciliation alone would take an hour to notice.
    await roles.startScheduler({ reconcileEveryMs: 3_600_000 });
    await roles.startWorker();
    const ids = await Promise.all([1, 2, 3].map(() => addMonitor({ interval: 300 })));
    await waitFor(async () => (await Promise.all(ids.map(beatTimes))).every((t) => t.length > 0), {
      what: 'first beats',
    });
    await roles.settled();
    await roles.wipeRedis();
    await waitFor(
      async () =>
        expect([...(await roles.dueSet.scheduledIds())].sort(byNumber)).toEqual(ids.sort(byNumber)),
      {
        what: 'the due set refilled',
      },
    );
  });

  it('drops a job whose slot a finished check already served', async () => {
    createRoles();
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
    await roles.settled();
    expect(await beatTimes(id)).toHaveLength(1);

    await roles.queue.enqueue([{ monitorId: id, tenantId, dueAt: nextDue!.getTime() }]);
    await waitFor(async () => (await beatTimes(id)).length === 2, { what: 'the next slot' });
  });

  it('stops checking a paused monitor and forgets a deleted one', async () => {
    createRoles();
    await roles.startScheduler();
    await roles.startWorker();
    const id = await addMonitor();
    await waitFor(async () => (await beatTimes(id)).length === 1, { what: 'first beat' });
    await passSlots(1, [id]);
    await monitorRepository.setMonitorActive(t.db, tenantId, id, false);
    await roles.changes.publish({ kind: 'remove', monitorId: id, tenantId });
    await roles.settled(); // a check already running may still land
    const paused = (await beatTimes(id)).length;
    clock.advance(3000);
    await roles.settled();
    expect((await beatTimes(id)).length).toBe(paused);

    await monitorRepository.deleteMonitor(t.db, tenantId, id);
    await roles.changes.publish({ kind: 'remove', monitorId: id, tenantId });
    expect(await beatTimes(id)).toEqual([]);
  });

  it('writes no beat for a monitor paused while its check waits in the queue', async () => {
    createRoles();
    await roles.startScheduler();
    // No worker yet: the immediate first check waits in the queue.
    const id = await addMonitor({ interval: 300 });
    await waitFor(async () => (await roles.queue.waitingCount()) === 1, {
      what: 'the first check to be queued',
    });
    await monitorRepository.setMonitorActive(t.db, tenantId, id, false);
    await roles.changes.publish({ kind: 'remove', monitorId: id, tenantId });
    await waitFor(async () => (await roles.queue.waitingCount()) === 0, {
      what: 'the queued check to be dropped',
    });
    await roles.startWorker();
    await roles.settled();
    expect(await beatTimes(id)).toEqual([]);
    expect(roles.emitted.filter((e) => e.event === 'heartbeat')).toEqual([]);
  });

  it('writes no beat for a monitor deleted while its check waits in a worker for a slot', async () => {
    createRoles();
    // A target that accepts and never answers: its check holds the worker's only slot until
    // the monitor's timeout.
    const sockets: Socket[] = [];
    const tarpit: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => tarpit.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(tarpit.address() as AddressInfo).port}/`;
      const insert = (overrides: Record<string, unknown>) =>
        monitorRepository.insertMonitor(
          t.db,
          tenantId,
          parseMonitor({
            type: 'http',
            name: 'm',
            url: target.url,
            interval: 300,
            accepted_statuscodes: ['200-299'],
            ...overrides,
          }),
          true,
        );
      const slow = await insert({ url: slowUrl, timeout: 2 });
      const doomed = await insert({});
      const started: number[] = [];
      await roles.startWorker({ concurrency: 1, onJob: (j) => started.push(j.monitorId) });
      // One batch: the slow check takes the slot, the other waits in the worker behind it.
      await roles.queue.enqueue([
        { monitorId: slow, tenantId, dueAt: clock.now() },
        { monitorId: doomed, tenantId, dueAt: clock.now() },
      ]);
      await waitFor(() => started.includes(slow), { what: 'the slow check to start' });
      expect(await roles.queue.waitingCount()).toBe(0);
      await monitorRepository.deleteMonitor(t.db, tenantId, doomed);
      await roles.changes.publish({ kind: 'remove', monitorId: doomed, tenantId });
      await waitFor(async () => (await beatTimes(slow)).length === 1, {
        what: 'the slow check to time out',
      });
      await roles.settled();
      const pushed = roles.emitted.filter((e) => e.event === 'heartbeat');
      expect(pushed.map((e) => (e.args[0] as { monitorID: number }).monitorID)).toEqual([slow]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => tarpit.close(resolve));
    }
  });

  it('keeps the certificate facts of an HTTPS target in the monitor state and pushes them', async () => {
    createRoles();
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
            .executeTakeFirst()
            .then((row) => row ?? false),
        { what: 'TLS facts in the monitor state' },
      );
      expect(state.status).toBe(1);
      const tls = state.tls_info as TlsInfo;
      expect(tls.valid).toBe(false);
      expect(tls.certInfo.daysRemaining).toBeGreaterThanOrEqual(29);
      expect(tls.certInfo.daysRemaining).toBeLessThanOrEqual(31);
      expect(tls.certInfo.subject).toMatchObject({ CN: 'localhost' });
      expect(tls.certInfo.fingerprint256).toMatch(/^[0-9A-F:]+$/);
      const pushed = await waitFor(
        () => roles.emitted.find((e) => e.event === 'certInfo' && e.args[0] === id) ?? false,
      );
      // docs/protocol/compatibility.md#json-inside-strings: the certificate travels as JSON text.
      expect(JSON.parse(pushed.args[1] as string)).toEqual(tls);
    } finally {
      await https.close();
    }
  });

  it('finds monitors added while no scheduler was listening', async () => {
    createRoles();
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
    // Reconciliation places the monitor on its next slot, at most one interval ahead.
    clock.advance(1000);
    await waitFor(async () => (await beatTimes(id)).length > 0, { what: 'reconciled check' });
  });
});
