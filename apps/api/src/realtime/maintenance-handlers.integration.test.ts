import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@watchpost/core/testing';
import { sql } from 'kysely';
import { monitorInputSchema } from '@watchpost/core';
import { monitorRepository } from '@watchpost/core/db';
import {
  createApiTestContext,
  type ApiTestContext,
  type TestClient,
  type TestUser,
} from '../testing/api-test-context.js';

interface SaveAck {
  ok: boolean;
  msg: string;
  maintenanceID: number;
}

let ctx: ApiTestContext;
let alice: TestUser;
let a: TestClient;

beforeAll(async () => {
  ctx = await createApiTestContext('maintenance');
  alice = await ctx.createUser('alice');
  a = await ctx.connect();
  await a.login(alice);
});
afterAll(async () => ctx?.close());

/** The payload uptime-kuma-api's add_maintenance sends for a single window. */
const SINGLE = {
  title: 'db upgrade',
  description: 'planned',
  strategy: 'single',
  active: true,
  intervalDay: 1,
  dateRange: ['2022-12-27 22:36:00', '2022-12-29 22:36:00'],
  timeRange: [
    { hours: 2, minutes: 0 },
    { hours: 3, minutes: 0 },
  ],
  weekdays: [],
  daysOfMonth: [],
  cron: '30 3 * * *',
  durationMinutes: 60,
  timezoneOption: 'Europe/Berlin',
};

function add(client: TestClient, overrides: Record<string, unknown> = {}) {
  return client.call<SaveAck>('addMaintenance', { ...SINGLE, ...overrides });
}

function latestList(client: TestClient): Record<string, Record<string, unknown>> {
  const pushes = client.events.filter((e) => e.event === 'maintenanceList');
  return (pushes.at(-1)?.args[0] ?? {}) as Record<string, Record<string, unknown>>;
}

function ackIndex(client: TestClient, event: string): number {
  return client.events.findLastIndex((e) => e.event === `ack:${event}`);
}

function pushIndexSince(client: TestClient, mark: number): number {
  return client.events.findIndex((e, i) => i >= mark && e.event === 'maintenanceList');
}

/** For events that push after their ack. */
async function pushArrivedSince(client: TestClient, mark: number): Promise<number> {
  await waitFor(() => expect(pushIndexSince(client, mark)).toBeGreaterThanOrEqual(0));
  return pushIndexSince(client, mark);
}

async function addMonitor(tenantId: number, name = 'web'): Promise<number> {
  const input = monitorInputSchema(20).parse({
    type: 'http',
    name,
    url: 'http://127.0.0.1:1/',
    accepted_statuscodes: ['200-299'],
  });
  return monitorRepository.insertMonitor(ctx.db, tenantId, input, false);
}

async function addStatusPage(tenantId: number, slug: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO status_pages (tenant_id, slug, title) VALUES (${tenantId}, ${slug}, ${`Page ${slug}`})
    RETURNING id
  `.execute(ctx.db);
  return rows[0]!.id;
}

describe('maintenanceList in the login burst', () => {
  it('is an object keyed by id, {} before any window exists', async () => {
    const fresh = await ctx.connect();
    await fresh.login(await ctx.createUser('newcomer'));
    expect(fresh.events.filter((e) => e.event === 'maintenanceList').map((e) => e.args)).toEqual([
      [{}],
    ]);
  });
});

describe('addMaintenance / getMaintenance', () => {
  it('pushes maintenanceList before acking with maintenanceID', async () => {
    const mark = a.events.length;
    const ack = await add(a);
    expect(ack).toEqual({
      ok: true,
      msg: 'Added Successfully.',
      maintenanceID: expect.any(Number),
    });
    const pushAt = pushIndexSince(a, mark);
    expect(pushAt).toBeGreaterThanOrEqual(0);
    expect(pushAt).toBeLessThan(ackIndex(a, 'addMaintenance'));
    expect(latestList(a)[String(ack.maintenanceID)]).toMatchObject({ id: ack.maintenanceID });
  });

  it('reads back the docs/protocol/maintenance.md#maintenance-object shape with the dates exactly as sent', async () => {
    const { maintenanceID } = await add(a);
    const { maintenance } = await a.call<{ maintenance: Record<string, unknown> }>(
      'getMaintenance',
      maintenanceID,
    );
    expect(maintenance).toEqual({
      id: maintenanceID,
      title: 'db upgrade',
      description: 'planned',
      strategy: 'single',
      intervalDay: 1,
      active: true,
      dateRange: ['2022-12-27 22:36:00', '2022-12-29 22:36:00'],
      timeRange: [
        { hours: 0, minutes: 0 },
        { hours: 0, minutes: 0 },
      ],
      weekdays: [],
      daysOfMonth: [],
      timeslotList: [{ startDate: '2022-12-27 22:36:00', endDate: '2022-12-29 22:36:00' }],
      cron: null,
      duration: null,
      durationMinutes: null,
      timezone: 'Europe/Berlin',
      timezoneOption: 'Europe/Berlin',
      timezoneOffset: expect.stringMatching(/^\+0[12]:00$/),
      status: 'ended',
    });
    expect(latestList(a)[String(maintenanceID)]).toEqual(maintenance);
  });

  it('stores a cron window with its duration and reports it scheduled or running', async () => {
    const { maintenanceID } = await add(a, { strategy: 'cron', cron: '0 3 * * *', dateRange: [] });
    const { maintenance } = await a.call<{ maintenance: Record<string, unknown> }>(
      'getMaintenance',
      maintenanceID,
    );
    expect(maintenance).toMatchObject({
      cron: '0 3 * * *',
      duration: 3600,
      durationMinutes: 60,
      dateRange: [null],
      status: expect.stringMatching(/^(scheduled|under-maintenance)$/),
    });
    expect((maintenance.timeslotList as unknown[]).length).toBeGreaterThan(0);
  });

  it.each([
    [{ strategy: 'cron', cron: 'not a cron' }, 'Cron expression must have 5 fields, got 3.'],
    [{ strategy: 'sometimes' }, expect.stringContaining('strategy must be one of')],
    [{ timezoneOption: 'Nowhere/City' }, 'Unknown time zone.'],
    [{ dateRange: ['tomorrow'] }, 'Dates must look like "2024-01-31 22:00:00".'],
  ])('refuses %j and stores nothing', async (overrides, msg) => {
    const before = await ctx.db.selectFrom('maintenances').select('id').execute();
    expect(await add(a, overrides)).toEqual({ ok: false, msg });
    expect(await ctx.db.selectFrom('maintenances').select('id').execute()).toEqual(before);
  });

  it('answers an unknown id with ok:false', async () => {
    expect(await a.call('getMaintenance', 999_999)).toEqual({
      ok: false,
      msg: 'Maintenance not found',
    });
    expect(await a.call('getMaintenance', 'x')).toEqual({
      ok: false,
      msg: 'Invalid maintenance ID.',
    });
  });
});

describe('editMaintenance', () => {
  it('re-applies every field from the object the client read back, then pushes and acks', async () => {
    const { maintenanceID } = await add(a);
    const { maintenance } = await a.call<{ maintenance: Record<string, unknown> }>(
      'getMaintenance',
      maintenanceID,
    );
    const mark = a.events.length;
    const ack = await a.call('editMaintenance', {
      ...maintenance,
      title: 'weekly',
      strategy: 'recurring-weekday',
      weekdays: [1, 5],
      timeRange: [
        { hours: 22, minutes: 30 },
        { hours: 1, minutes: 0 },
      ],
    });
    expect(ack).toEqual({ ok: true, msg: 'Saved.', maintenanceID });
    expect(pushIndexSince(a, mark)).toBeLessThan(ackIndex(a, 'editMaintenance'));
    expect(latestList(a)[String(maintenanceID)]).toMatchObject({
      title: 'weekly',
      strategy: 'recurring-weekday',
      weekdays: [1, 5],
      cron: '30 22 * * 1,5',
      duration: 9000,
      timeRange: [
        { hours: 22, minutes: 30, seconds: 0 },
        { hours: 1, minutes: 0, seconds: 0 },
      ],
    });
  });

  it('returns weekdays and days of month in the order the client saved them', async () => {
    const weekly = await add(a, {
      strategy: 'recurring-weekday',
      weekdays: [5, 1, 3],
      timeRange: [
        { hours: 1, minutes: 0 },
        { hours: 2, minutes: 0 },
      ],
    });
    const monthly = await add(a, {
      strategy: 'recurring-day-of-month',
      daysOfMonth: ['lastDay1', 15, 1],
      timeRange: [
        { hours: 1, minutes: 0 },
        { hours: 2, minutes: 0 },
      ],
    });
    const read = async (id: number) =>
      (await a.call<{ maintenance: Record<string, unknown> }>('getMaintenance', id)).maintenance;
    expect(await read(weekly.maintenanceID)).toMatchObject({
      weekdays: [5, 1, 3],
      cron: '0 1 * * 1,3,5',
    });
    expect(await read(monthly.maintenanceID)).toMatchObject({
      daysOfMonth: ['lastDay1', 15, 1],
      cron: '0 1 L,15,1 * *',
    });
    await a.call('getMaintenanceList');
    expect(latestList(a)[String(weekly.maintenanceID)]).toMatchObject({ weekdays: [5, 1, 3] });
    expect(latestList(a)[String(monthly.maintenanceID)]).toMatchObject({
      daysOfMonth: ['lastDay1', 15, 1],
    });
  });

  it('refuses an unknown id or a missing one and changes nothing', async () => {
    expect(await a.call('editMaintenance', { ...SINGLE, id: 999_999 })).toEqual({
      ok: false,
      msg: 'Maintenance not found',
    });
    expect(await a.call('editMaintenance', SINGLE)).toEqual({
      ok: false,
      msg: 'Maintenance ID is required.',
    });
  });
});

describe('getMaintenanceList / pause / resume / delete', () => {
  it('getMaintenanceList pushes the list, then acks {ok:true}', async () => {
    const mark = a.events.length;
    expect(await a.call('getMaintenanceList')).toEqual({ ok: true });
    expect(pushIndexSince(a, mark)).toBeLessThan(ackIndex(a, 'getMaintenanceList'));
  });

  it('pauses and resumes with Kuma’s texts, acking before the push', async () => {
    const { maintenanceID } = await add(a, { strategy: 'manual' });
    expect(latestList(a)[String(maintenanceID)]?.status).toBe('under-maintenance');

    let mark = a.events.length;
    expect(await a.call('pauseMaintenance', maintenanceID)).toEqual({
      ok: true,
      msg: 'Paused Successfully.',
    });
    expect(await pushArrivedSince(a, mark)).toBeGreaterThan(ackIndex(a, 'pauseMaintenance'));
    expect(latestList(a)[String(maintenanceID)]).toMatchObject({
      active: false,
      status: 'inactive',
    });

    mark = a.events.length;
    expect(await a.call('resumeMaintenance', String(maintenanceID))).toEqual({
      ok: true,
      msg: 'Resume Successfully',
    });
    expect(await pushArrivedSince(a, mark)).toBeGreaterThan(ackIndex(a, 'resumeMaintenance'));
    expect(latestList(a)[String(maintenanceID)]).toMatchObject({
      active: true,
      status: 'under-maintenance',
    });
  });

  it('answers pause/resume of an unknown id with "Maintenance not found"', async () => {
    for (const event of ['pauseMaintenance', 'resumeMaintenance']) {
      expect(await a.call(event, 999_999)).toEqual({ ok: false, msg: 'Maintenance not found' });
    }
  });

  it('deletes with its links, acks, then pushes the list without it', async () => {
    const { maintenanceID } = await add(a);
    const monitorId = await addMonitor(alice.tenantId);
    await a.call('addMonitorMaintenance', maintenanceID, [{ id: monitorId }]);
    const mark = a.events.length;
    expect(await a.call('deleteMaintenance', maintenanceID)).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
    expect(await pushArrivedSince(a, mark)).toBeGreaterThan(ackIndex(a, 'deleteMaintenance'));
    expect(latestList(a)).not.toHaveProperty(String(maintenanceID));
    const links = await ctx.db
      .selectFrom('monitor_maintenances')
      .selectAll()
      .where('maintenance_id', '=', maintenanceID)
      .execute();
    expect(links).toEqual([]);
    // Kuma is silent about an id that is not there (docs/protocol/maintenance.md).
    expect(await a.call('deleteMaintenance', maintenanceID)).toEqual({
      ok: true,
      msg: 'Deleted Successfully.',
    });
  });
});

describe('monitor and status page links', () => {
  it('replaces the set of covered monitors and reads it back', async () => {
    const { maintenanceID } = await add(a, { strategy: 'manual' });
    const [m1, m2] = [
      await addMonitor(alice.tenantId, 'm1'),
      await addMonitor(alice.tenantId, 'm2'),
    ];
    expect(await a.call('addMonitorMaintenance', maintenanceID, [{ id: m1 }, { id: m2 }])).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
    expect(await a.call('getMonitorMaintenance', maintenanceID)).toEqual({
      ok: true,
      monitors: [{ id: m1 }, { id: m2 }],
    });
    await a.call('addMonitorMaintenance', maintenanceID, [{ id: m2 }]);
    expect(await a.call('getMonitorMaintenance', maintenanceID)).toEqual({
      ok: true,
      monitors: [{ id: m2 }],
    });

    // The monitor's `maintenance` flag follows the open manual window (docs/protocol/monitors.md#monitor-object, docs/protocol/monitoring.md#maintenance-effect).
    await a.call('getMonitorList');
    const list = (a.events.filter((e) => e.event === 'monitorList').at(-1)?.args[0] ??
      {}) as Record<string, { maintenance: boolean }>;
    expect(list[String(m2)]?.maintenance).toBe(true);
    expect(list[String(m1)]?.maintenance).toBe(false);
  });

  it('refuses a monitor that does not exist and keeps the old set', async () => {
    const { maintenanceID } = await add(a, { strategy: 'manual' });
    const m = await addMonitor(alice.tenantId);
    await a.call('addMonitorMaintenance', maintenanceID, [{ id: m }]);
    expect(await a.call('addMonitorMaintenance', maintenanceID, [{ id: 999_999 }])).toEqual({
      ok: false,
      msg: 'Monitor not found.',
    });
    expect(await a.call('addMonitorMaintenance', maintenanceID, 'all')).toEqual({
      ok: false,
      msg: 'Monitors must be a list of objects with an id.',
    });
    expect(await a.call('getMonitorMaintenance', maintenanceID)).toMatchObject({
      monitors: [{ id: m }],
    });
    expect(await a.call('getMonitorMaintenance', 999_999)).toEqual({
      ok: false,
      msg: 'Maintenance not found',
    });
  });

  it('replaces the status pages showing a window and reads them back with titles', async () => {
    const { maintenanceID } = await add(a);
    const page = await addStatusPage(alice.tenantId, 'main');
    expect(await a.call('addMaintenanceStatusPage', maintenanceID, [{ id: page }])).toEqual({
      ok: true,
      msg: 'Added Successfully.',
    });
    expect(await a.call('getMaintenanceStatusPage', maintenanceID)).toEqual({
      ok: true,
      statusPages: [{ id: page, title: 'Page main' }],
    });
    expect(await a.call('addMaintenanceStatusPage', maintenanceID, [{ id: 999_999 }])).toEqual({
      ok: false,
      msg: 'Status page not found.',
    });
    await a.call('addMaintenanceStatusPage', maintenanceID, []);
    expect(await a.call('getMaintenanceStatusPage', maintenanceID)).toEqual({
      ok: true,
      statusPages: [],
    });
  });
});
