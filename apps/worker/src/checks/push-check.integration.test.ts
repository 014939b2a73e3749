import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWN, monitorInputSchema, NO_HEARTBEAT_MSG, PENDING, UP } from '@watchpost/core';
import {
  monitorRepository,
  recordPush,
  tenantRepository,
  type MonitorRef,
} from '@watchpost/core/db';
import { openTestDatabase, TEST_BACKENDS, type BackendTestDatabase } from '@watchpost/core/testing';
import { runPushCheck } from './push-check.js';

let t: BackendTestDatabase;
let tenantId: number;
const T0 = Date.parse('2024-03-01T12:00:00.000Z');
const clock = (offsetMs: number) => () => T0 + offsetMs;

async function addPushMonitor(overrides: Record<string, unknown> = {}) {
  const input = monitorInputSchema(1).parse({
    type: 'push',
    name: 'cron',
    interval: 60,
    retryInterval: 20,
    maxretries: 1,
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  const monitorId = await monitorRepository.insertMonitor(t.db, tenantId, input, true);
  return { ref: { monitorId, tenantId } satisfies MonitorRef, token: input.pushToken! };
}

function state(monitorId: number) {
  return t.db
    .selectFrom('monitor_state')
    .select(['status', 'retries', 'next_due_at', 'last_beat_at'])
    .where('monitor_id', '=', monitorId)
    .executeTakeFirstOrThrow();
}

function beatCount(monitorId: number) {
  return t.db
    .selectFrom('heartbeats')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('monitor_id', '=', monitorId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

describe.each(TEST_BACKENDS)('runPushCheck on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await tenantRepository.createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  it('gives a new monitor one interval before its first look, and stores the wait', async () => {
    const { ref } = await addPushMonitor();
    expect(await runPushCheck(t.db, ref, clock(0))).toEqual({
      kind: 'waiting',
      dueAt: T0 + 60_000,
    });
    expect(await state(ref.monitorId)).toMatchObject({ next_due_at: new Date(T0 + 60_000) });
    expect(await beatCount(ref.monitorId)).toBe(0);
  });

  it('goes PENDING then DOWN when no push came, with retry spacing', async () => {
    const { ref } = await addPushMonitor();
    await runPushCheck(t.db, ref, clock(0));
    const first = await runPushCheck(t.db, ref, clock(60_000));
    expect(first).toMatchObject({
      kind: 'missed',
      beat: { status: PENDING, msg: NO_HEARTBEAT_MSG, important: true },
      dueAt: T0 + 80_000,
    });
    const second = await runPushCheck(t.db, ref, clock(80_000));
    expect(second).toMatchObject({
      kind: 'missed',
      beat: { status: DOWN, msg: NO_HEARTBEAT_MSG, important: true, durationSec: 20 },
    });
    expect(await state(ref.monitorId)).toMatchObject({ status: DOWN, retries: 1 });
    expect(await beatCount(ref.monitorId)).toBe(2);
  });

  it('stores nothing while the latest push is UP and inside interval + 1 s', async () => {
    const { ref, token } = await addPushMonitor();
    await runPushCheck(t.db, ref, clock(0));
    await recordPush(
      t.db,
      token,
      { status: 'up', msg: 'OK', pingMs: null },
      () => new Date(T0 + 50_000),
    );
    expect(await runPushCheck(t.db, ref, clock(60_000))).toEqual({
      kind: 'waiting',
      dueAt: T0 + 111_000,
    });
    expect(await beatCount(ref.monitorId)).toBe(1);
    expect(await runPushCheck(t.db, ref, clock(111_000))).toMatchObject({
      kind: 'missed',
      beat: { status: PENDING, durationSec: 61 },
    });
  });

  it('counts a recent DOWN push as a missed window', async () => {
    const { ref, token } = await addPushMonitor();
    await runPushCheck(t.db, ref, clock(0));
    await recordPush(
      t.db,
      token,
      { status: 'down', msg: 'x', pingMs: null },
      () => new Date(T0 + 1_000),
    );
    // The DOWN push used up the retries: the monitor stays DOWN, quietly.
    expect(await runPushCheck(t.db, ref, clock(2_000))).toMatchObject({
      kind: 'missed',
      beat: { status: DOWN, important: false },
    });
  });

  it('expects DOWN beats in upside-down mode and turns silence into UP', async () => {
    const { ref, token } = await addPushMonitor({ upsideDown: true });
    await runPushCheck(t.db, ref, clock(0));
    // A push is the bad news here: status=up is stored as DOWN and covers its window.
    const beat = await recordPush(
      t.db,
      token,
      { status: 'up', msg: 'OK', pingMs: null },
      () => new Date(T0 + 1_000),
    );
    expect(beat?.status).toBe(DOWN);
    expect((await runPushCheck(t.db, ref, clock(2_000))).kind).toBe('waiting');
    expect(await runPushCheck(t.db, ref, clock(62_000))).toMatchObject({
      kind: 'missed',
      beat: { status: UP, msg: NO_HEARTBEAT_MSG, important: true },
    });
  });

  it('answers inactive for a paused or deleted monitor', async () => {
    const { ref } = await addPushMonitor();
    await monitorRepository.setMonitorActive(t.db, tenantId, ref.monitorId, false);
    expect(await runPushCheck(t.db, ref, clock(0))).toEqual({ kind: 'inactive' });
    await monitorRepository.deleteMonitor(t.db, tenantId, ref.monitorId);
    expect(await runPushCheck(t.db, ref, clock(0))).toEqual({ kind: 'inactive' });
    // Another tenant's id never resolves either.
    expect(await runPushCheck(t.db, { ...ref, tenantId: tenantId + 1000 }, clock(0))).toEqual({
      kind: 'inactive',
    });
  });
});
