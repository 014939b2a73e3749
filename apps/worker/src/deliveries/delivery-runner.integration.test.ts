import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema } from '@watchpost/core';
import {
  heartbeatRepository,
  monitorRepository,
  notificationRepository,
  tenantRepository,
  type BeatToRecord,
} from '@watchpost/core/db';
import { createInProcessDeliveryQueue } from '@watchpost/core/queue';
import {
  createTestDatabase,
  startFakeService,
  waitFor,
  type FakeService,
  type TestDatabase,
} from '@watchpost/core/testing';
import { startDeliveryRunner, type RunningDeliveryRunner } from './start-delivery-runner.js';

let t: TestDatabase;
let fake: FakeService;
let tenantId: number;
let userId: number;
const runners: RunningDeliveryRunner[] = [];
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeService();
  ({ tenantId, userId } = await tenantRepository.createTenantWithAdmin(t.db, {
    name: 'acme',
    username: 'acme',
    passwordHash: 'x',
  }));
});
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
  fake.reset();
  // Each test's runner must see only that test's deliveries.
  await t.db.deleteFrom('notification_deliveries').execute();
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

/** A monitor linked to a gotify notification that posts to the fake service. */
async function monitorWithNotification(name: string): Promise<number> {
  const monitorId = await monitorRepository.insertMonitor(
    t.db,
    tenantId,
    monitorInputSchema(20).parse({
      type: 'http',
      name,
      url: 'http://127.0.0.1:1/',
      accepted_statuscodes: ['200-299'],
    }),
    true,
  );
  const { id } = await notificationRepository.createNotification(t.db, tenantId, userId, {
    name: `gotify for ${name}`,
    config: {
      name,
      type: 'gotify',
      gotifyserverurl: fake.url,
      gotifyapplicationToken: 'secret',
    },
    isDefault: false,
    applyExisting: false,
  });
  await notificationRepository.setMonitorNotifications(t.db, tenantId, monitorId, [id]);
  return monitorId;
}

function downBeat(monitorId: number, notify = true): BeatToRecord {
  return {
    tenantId,
    monitorId,
    status: DOWN,
    msg: 'connect ECONNREFUSED',
    time: new Date(),
    pingMs: null,
    durationSec: 20,
    downCount: 0,
    important: true,
    retries: 1,
    nextDueAt: new Date(Date.now() + 60_000),
    notify,
  };
}

async function startRunner(options: { giveUpAfterMs?: number; timeoutMs?: number } = {}) {
  const queue = createInProcessDeliveryQueue({ concurrency: 5, onError: () => {} });
  const runner = await startDeliveryRunner({
    db: t.db,
    queue,
    consumer: queue,
    logger,
    sweepEveryMs: 25,
    attemptTimeoutMs: options.timeoutMs ?? 5_000,
    retry: { baseDelayMs: 50, maxDelayMs: 200, giveUpAfterMs: options.giveUpAfterMs ?? 60_000 },
  });
  runners.push(runner);
  return runner;
}

const deliveriesOf = (monitorId: number) =>
  t.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .execute();
const attemptsOf = (deliveryId: number) =>
  t.db
    .selectFrom('notification_delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();

describe('deliveries written with their beats', () => {
  it('writes one delivery per linked notification for a beat that notifies, none otherwise', async () => {
    const monitorId = await monitorWithNotification('db');
    await heartbeatRepository.recordBeats(t.db, [downBeat(monitorId, false)]);
    expect(await deliveriesOf(monitorId)).toEqual([]);
    await heartbeatRepository.recordBeats(t.db, [downBeat(monitorId, true)]);
    const [delivery, ...more] = await deliveriesOf(monitorId);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({
      tenant_id: tenantId,
      kind: 'beat',
      status: 'pending',
      monitor_name: 'db',
      beat: expect.objectContaining({ status: DOWN, msg: 'connect ECONNREFUSED', important: true }),
    });
  });
});

describe('the delivery runner', () => {
  it('retries a failing provider until it answers: one alert arrives, four attempts recorded', async () => {
    const monitorId = await monitorWithNotification('api');
    fake.replyWith({ status: 500, body: 'down' }, { status: 500, body: 'down' }, { status: 500 });
    await heartbeatRepository.recordBeats(t.db, [downBeat(monitorId)]);
    await startRunner();
    const [pending] = await deliveriesOf(monitorId);
    await waitFor(async () => (await deliveriesOf(monitorId))[0]?.status === 'sent', {
      what: 'the delivery to be sent',
    });
    const attempts = await attemptsOf(pending!.id);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'sent']);
    expect(attempts[0]?.error).toBe('Error: AxiosError: Request failed with status code 500 down');
    expect(attempts.every((a) => a.provider === 'gotify')).toBe(true);
    // Four requests reached the service, and only the last one was accepted.
    expect(fake.requests).toHaveLength(4);
    expect(fake.requests[3]?.json).toMatchObject({
      message: '[api] [🔴 Down] connect ECONNREFUSED',
    });
    const [sent] = await deliveriesOf(monitorId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
  });

  it('gives a delivery up with its error when the service stays down for the whole window', async () => {
    const monitorId = await monitorWithNotification('shop');
    const failures = Array.from({ length: 50 }, () => ({ status: 503, body: 'maintenance' }));
    fake.replyWith(...failures);
    await heartbeatRepository.recordBeats(t.db, [downBeat(monitorId)]);
    await startRunner({ giveUpAfterMs: 600 });
    await waitFor(async () => (await deliveriesOf(monitorId))[0]?.status === 'failed', {
      what: 'the delivery to be given up',
    });
    const [failed] = await deliveriesOf(monitorId);
    expect(failed?.last_error).toBe(
      'Error: AxiosError: Request failed with status code 503 maintenance',
    );
    const attempts = await attemptsOf(failed!.id);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.every((a) => a.outcome === 'failed')).toBe(true);
    // The last attempt falls at the end of the window, not before it.
    const window = attempts.at(-1)!.attempted_at.getTime() - failed!.created_at.getTime();
    expect(window).toBeGreaterThanOrEqual(600);
  });

  it('does not lose an alert whose runner stopped mid-delivery: the next runner sends it', async () => {
    const monitorId = await monitorWithNotification('billing');
    // The first request gets no answer until long after the runner is gone.
    fake.replyWith({ status: 200, body: 'late', delayMs: 3_000 });
    await heartbeatRepository.recordBeats(t.db, [downBeat(monitorId)]);
    const crashed = await startRunner({ timeoutMs: 10_000 });
    await waitFor(async () => fake.requests.length === 1, {
      what: 'the first attempt to reach the service',
    });
    // Abandon it without closing, like a killed process: its attempt is never recorded.
    runners.splice(runners.indexOf(crashed), 1);
    const [stuck] = await deliveriesOf(monitorId);
    expect(stuck).toMatchObject({ status: 'pending', attempts: 0 });

    await startRunner();
    await waitFor(async () => (await deliveriesOf(monitorId))[0]?.status === 'sent', {
      what: 'the next runner to deliver',
    });
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    await crashed.close();
  });

  it('leaves the deliveries of other tenants’ monitors to their own notifications', async () => {
    const other = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'globex',
      username: 'globex',
      passwordHash: 'x',
    });
    const theirs = await monitorRepository.insertMonitor(
      t.db,
      other.tenantId,
      monitorInputSchema(20).parse({
        type: 'http',
        name: 'theirs',
        url: 'http://127.0.0.1:1/',
        accepted_statuscodes: ['200-299'],
      }),
      true,
    );
    const { id: ours } = await notificationRepository.createNotification(t.db, tenantId, userId, {
      name: 'ours',
      config: {
        name: 'ours',
        type: 'gotify',
        gotifyserverurl: fake.url,
        gotifyapplicationToken: 'x',
      },
      isDefault: false,
      applyExisting: false,
    });
    // A link to another tenant's notification is refused when stored …
    await notificationRepository.setMonitorNotifications(t.db, other.tenantId, theirs, [ours]);
    await heartbeatRepository.recordBeats(t.db, [
      { ...downBeat(theirs), tenantId: other.tenantId },
    ]);
    // … so their DOWN beat creates no delivery through our notification.
    expect(await deliveriesOf(theirs)).toEqual([]);
  });
});
