import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema, UP } from '@watchpost/core';
import { monitorRepository, notificationRepository } from '@watchpost/core/db';
import { startFakeService, waitFor, type FakeService } from '@watchpost/core/testing';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestUser,
} from '../apps/api/src/testing/api-test-context.js';
import { createPipelineRoles } from './support/pipeline-roles.js';
import { startHttpTarget, type HttpTarget } from './support/targets.js';

// Alerts end to end on the distributed pipeline (scheduler, worker, BullMQ delivery queue):
// a monitor goes DOWN and UP, its notification is delivered through a provider's fake API,
// and a provider that stays down never holds up the heartbeats.

let ctx: ApiTestContext;
let alice: TestUser;
let target: HttpTarget;
let service: FakeService;
let roles: ReturnType<typeof createPipelineRoles>;

beforeAll(async () => {
  ctx = await createApiTestContext('notify-pipeline');
  alice = await ctx.createUser('alice');
  target = await startHttpTarget();
  service = await startFakeService();
  roles = createPipelineRoles(ctx.db, ctx.redisPrefix);
  await roles.startScheduler();
  await roles.startWorker();
  await roles.startDeliveryRunner({ baseDelayMs: 100, maxDelayMs: 200, giveUpAfterMs: 1_500 });
});
afterAll(async () => {
  await roles?.close();
  await service?.close();
  await target?.close();
  await ctx?.close();
});

async function monitorAlertingTo(name: string): Promise<number> {
  const input = monitorInputSchema(1).parse({
    type: 'http',
    name,
    url: target.url,
    interval: 1,
    retryInterval: 1,
    maxretries: 0,
    accepted_statuscodes: ['200-299'],
  });
  const monitorId = await monitorRepository.insertMonitor(ctx.db, alice.tenantId, input, true);
  const { id } = await notificationRepository.createNotification(
    ctx.db,
    alice.tenantId,
    alice.userId,
    {
      name: 'ops gotify',
      config: {
        name: 'ops gotify',
        type: 'gotify',
        gotifyserverurl: service.url,
        gotifyapplicationToken: 'app-token',
      },
      isDefault: false,
      applyExisting: false,
    },
  );
  await notificationRepository.setMonitorNotifications(ctx.db, alice.tenantId, monitorId, [id]);
  await roles.changes.publish({ kind: 'upsert', monitorId, tenantId: alice.tenantId });
  return monitorId;
}

/** The heartbeats the worker published for the monitor (the roles record what they emit). */
const beatsOf = (monitorId: number) =>
  roles.emitted
    .filter(
      (e) =>
        e.event === 'heartbeat' && (e.args[0] as { monitorID: number }).monitorID === monitorId,
    )
    .map((e) => e.args[0] as { status: number; time: string });

const deliveriesOf = (monitorId: number) =>
  ctx.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .orderBy('id')
    .execute();

describe('notifications on the pipeline', () => {
  it('alerts once for DOWN and once for UP, with Kuma’s texts', async () => {
    const monitorId = await monitorAlertingTo('checkout');
    await waitFor(() => beatsOf(monitorId).some((b) => b.status === UP), { what: 'first UP' });
    await target.stop();
    await waitFor(() => beatsOf(monitorId).some((b) => b.status === DOWN), { what: 'DOWN' });
    await target.start();
    await waitFor(
      async () => (await deliveriesOf(monitorId)).filter((d) => d.status === 'sent').length === 2,
      { timeoutMs: 15_000, what: 'two sent deliveries' },
    );
    const messages = service.requests.map((r) => (r.json as { message: string }).message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^\[checkout\] \[🔴 Down\] /);
    expect(messages[1]).toBe('[checkout] [✅ Up] 200 - OK');
  }, 30_000);

  it('gives up on a provider that is down the whole window while heartbeats go on', async () => {
    service.reset();
    service.replyWith(...Array.from({ length: 100 }, () => ({ status: 502, body: 'bad gateway' })));
    const monitorId = await monitorAlertingTo('search');
    await waitFor(() => beatsOf(monitorId).length >= 1, { what: 'first beat' });
    await target.stop();
    const downAt = Date.now();
    await waitFor(async () => (await deliveriesOf(monitorId)).some((d) => d.status === 'failed'), {
      timeoutMs: 15_000,
      what: 'the delivery to be given up',
    });
    const [failed] = (await deliveriesOf(monitorId)).filter((d) => d.status === 'failed');
    expect(failed?.last_error).toBe(
      'Error: AxiosError: Request failed with status code 502 bad gateway',
    );
    expect(failed!.attempts).toBeGreaterThanOrEqual(3);
    // One beat a second all through the retries: delivery never held the checks up.
    const during = beatsOf(monitorId).filter((b) => new Date(`${b.time}Z`).getTime() >= downAt);
    expect(during.length).toBeGreaterThanOrEqual(2);
    await target.start();
  }, 30_000);
});
