import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorInputSchema } from '../monitors/monitor-input.js';
import { insertMonitor, setMonitorActive } from '../monitors/monitor-repository.js';
import { DOWN, UP } from '../monitors/monitor-status.js';
import { createTenantWithAdmin } from '../tenants/tenant-repository.js';
import {
  openTestDatabase,
  TEST_BACKENDS,
  type BackendTestDatabase,
} from '../testing/test-database.js';
import { recordPush, type PushReport } from './record-push.js';

let t: BackendTestDatabase;
let tenantId: number;
const parse = monitorInputSchema(20).parse;
const T0 = new Date('2024-03-01T12:00:00.000Z');
const at = (offsetMs: number) => () => new Date(T0.getTime() + offsetMs);
const up: PushReport = { status: 'up', msg: 'OK', pingMs: null };

async function addMonitor(overrides: Record<string, unknown> = {}, active = true) {
  const input = parse({
    type: 'push',
    name: 'cron',
    interval: 60,
    accepted_statuscodes: ['200-299'],
    ...overrides,
  });
  const id = await insertMonitor(t.db, tenantId, input, active);
  return { id, token: input.pushToken! };
}

function state(monitorId: number) {
  return t.db
    .selectFrom('monitor_state')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .executeTakeFirstOrThrow();
}

function beats(monitorId: number) {
  return t.db
    .selectFrom('heartbeats')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .orderBy('time')
    .execute();
}

describe.each(TEST_BACKENDS)('recordPush on %s', (backend) => {
  beforeAll(async () => {
    t = await openTestDatabase(backend);
    ({ tenantId } = await createTenantWithAdmin(t.db, {
      name: 'a',
      username: 'a',
      passwordHash: 'x',
    }));
  });
  afterAll(async () => t?.drop());

  it('stores the beat with the state the window check reads', async () => {
    const m = await addMonitor();
    const beat = await recordPush(t.db, m.token, { status: 'up', msg: 'hi', pingMs: 3.5 }, at(0));
    expect(beat).toMatchObject({
      tenantId,
      monitorId: m.id,
      status: UP,
      msg: 'hi',
      pingMs: 3.5,
      important: true,
      durationSec: 0,
      time: T0,
    });
    expect(await state(m.id)).toMatchObject({
      status: UP,
      retries: 0,
      last_beat_at: T0,
      last_msg: 'hi',
      last_ping: 3.5,
      // The window check moves to the end of this push's window: interval + 1 s.
      next_due_at: new Date(T0.getTime() + 61_000),
    });
    expect(await beats(m.id)).toHaveLength(1);
  });

  it('computes duration and importance from the previous beat', async () => {
    const m = await addMonitor();
    await recordPush(t.db, m.token, up, at(0));
    const down = await recordPush(t.db, m.token, { ...up, status: 'down' }, at(42_500));
    expect(down).toMatchObject({ status: DOWN, important: true, durationSec: 42 });
  });

  it('finds nothing for an unknown token or a paused monitor, and stores nothing', async () => {
    expect(await recordPush(t.db, 'no-such-token', up)).toBeUndefined();
    const paused = await addMonitor({}, false);
    expect(await recordPush(t.db, paused.token, up)).toBeUndefined();
    expect(await beats(paused.id)).toEqual([]);
    await setMonitorActive(t.db, tenantId, paused.id, true);
    expect(await recordPush(t.db, paused.token, up)).toBeDefined();
  });

  it('leaves the schedule of a monitor of another type alone', async () => {
    const m = await addMonitor({
      type: 'http',
      url: 'http://127.0.0.1:1/',
      pushToken: `http-with-token-${backend}`,
    });
    const due = new Date(T0.getTime() + 5_000);
    await t.db
      .updateTable('monitor_state')
      .set({ next_due_at: due })
      .where('monitor_id', '=', m.id)
      .execute();
    await recordPush(t.db, m.token, up, at(0));
    expect(await state(m.id)).toMatchObject({ status: UP, next_due_at: due });
  });

  it('orders concurrent pushes of one monitor', async () => {
    const m = await addMonitor();
    const statuses = ['up', 'down', 'down', 'up', 'down', 'up', 'up', 'down'] as const;
    await Promise.all(statuses.map((status) => recordPush(t.db, m.token, { ...up, status })));
    const stored = await beats(m.id);
    expect(stored).toHaveLength(statuses.length);
    stored.forEach((beat, i) => {
      const previous = stored[i - 1];
      expect(beat.important).toBe(!previous || previous.status !== beat.status);
    });
  });
});
