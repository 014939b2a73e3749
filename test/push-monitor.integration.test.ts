import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sleep, waitFor } from '@watchpost/core/testing';
import { DOWN, monitorInputSchema, NO_HEARTBEAT_MSG, PENDING, UP } from '@watchpost/core';
import { monitorRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../apps/api/src/testing/api-test-context.js';
import { createPipelineRoles } from './support/pipeline-roles.js';

// Push monitors end to end: beats arrive through a real API node's HTTP endpoint, and the
// scheduler and a worker notice when they stop (docs/protocol/monitoring.md#push-monitors).

let ctx: ApiTestContext;
let alice: TestUser;
let a: TestClient;
let roles: ReturnType<typeof createPipelineRoles> | undefined;

beforeAll(async () => {
  ctx = await createApiTestContext('push-pipeline');
  alice = await ctx.createUser('alice');
  a = await ctx.connect();
  await a.login(alice);
});
afterEach(async () => {
  await roles?.close();
  roles = undefined;
});
afterAll(async () => ctx?.close());

async function startPipeline() {
  roles = createPipelineRoles(ctx.db, ctx.redisPrefix);
  await roles.startScheduler();
  await roles.startWorker();
  return roles;
}

/** Intervals below Kuma's 20 s floor, so the monitor is stored directly. */
async function addPushMonitor(overrides: Record<string, unknown> = {}) {
  const input = monitorInputSchema(1).parse({
    type: 'push',
    name: 'nightly backup',
    interval: 2,
    retryInterval: 1,
    maxretries: 1,
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  const id = await monitorRepository.insertMonitor(ctx.db, alice.tenantId, input, true);
  await roles!.changes.publish({ kind: 'upsert', monitorId: id, tenantId: alice.tenantId });
  return { id, token: input.pushToken! };
}

async function push(token: string, query = '') {
  const response = await fetch(`${ctx.node.url}/api/push/${token}${query}`);
  expect(response.status).toBe(200);
}

function storedBeats(monitorId: number) {
  return ctx.db
    .selectFrom('heartbeats')
    .select(['status', 'msg', 'important', 'time'])
    .where('monitor_id', '=', monitorId)
    .orderBy('time')
    .execute();
}

describe('push monitors in the pipeline', () => {
  it('goes PENDING then DOWN when pushes stop, and UP again on the next push', async () => {
    const pipeline = await startPipeline();
    const m = await addPushMonitor();
    const firstUp = a.waitFor('heartbeat', {
      match: ([b]) => (b as { monitorID: number }).monitorID === m.id,
    });
    await push(m.token, '?msg=started');
    expect((await firstUp)[0]).toMatchObject({ status: UP, msg: 'started', important: true });

    const beats = await waitFor(
      async () => {
        const rows = await storedBeats(m.id);
        return rows.some((r) => r.status === DOWN) ? rows : false;
      },
      { what: 'a DOWN beat', timeoutMs: 15_000 },
    );
    expect(beats.map((b) => [b.status, b.msg, b.important])).toEqual([
      [UP, 'started', true],
      [PENDING, NO_HEARTBEAT_MSG, false],
      [DOWN, NO_HEARTBEAT_MSG, true],
    ]);
    // Nothing failed before the window (interval 2 s + 1 s) was over.
    expect(beats[1]!.time.getTime() - beats[0]!.time.getTime()).toBeGreaterThanOrEqual(3000);
    // The worker published what it stored.
    const workerBeats = pipeline.emitted
      .filter(
        (e) => e.event === 'heartbeat' && (e.args[0] as { monitorID: number }).monitorID === m.id,
      )
      .map((e) => (e.args[0] as { status: number }).status);
    expect(workerBeats).toEqual([PENDING, DOWN]);

    const backUp = a.waitFor('heartbeat', {
      match: ([b]) => (b as { monitorID: number }).monitorID === m.id,
    });
    await push(m.token, '?msg=recovered');
    expect((await backUp)[0]).toMatchObject({ status: UP, msg: 'recovered', important: true });
    const state = await ctx.db
      .selectFrom('monitor_state')
      .select(['status', 'retries'])
      .where('monitor_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: UP, retries: 0 });
  }, 30_000);

  it('stores nothing of its own while pushes keep coming inside the window', async () => {
    await startPipeline();
    const m = await addPushMonitor();
    for (let i = 0; i < 5; i++) {
      await push(m.token, `?msg=run-${i}`);
      await sleep(1000);
    }
    const beats = await storedBeats(m.id);
    expect(beats.map((b) => b.status)).toEqual([UP, UP, UP, UP, UP]);
    expect(beats.map((b) => b.msg)).toEqual(['run-0', 'run-1', 'run-2', 'run-3', 'run-4']);
  }, 30_000);

  it('fails a push monitor that never got a push after its first interval', async () => {
    await startPipeline();
    const addedAt = Date.now();
    const m = await addPushMonitor({ maxretries: 0 });
    const [beat] = await waitFor(
      async () => {
        const rows = await storedBeats(m.id);
        return rows.length > 0 ? rows : false;
      },
      { what: 'the first window check' },
    );
    expect(beat).toMatchObject({ status: DOWN, msg: NO_HEARTBEAT_MSG, important: true });
    // Upstream's first evaluation comes one interval after the start (docs/protocol/monitoring.md#scheduling-retries-and-resend).
    expect(beat!.time.getTime() - addedAt).toBeGreaterThanOrEqual(2000);
  }, 30_000);
});
