import { expect } from 'vitest';
import { insertMonitor } from '../../testing/api-test-context.js';
import { fail, nullOr, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { answerOf, read, tenantRows } from '../read-back.js';

// docs/protocol/maintenance.md. Unknown ids get Watchpost's "Maintenance not found" everywhere (upstream's text
// for pause/resume); another tenant's id answers the same, so ids cannot be probed.

const NOT_FOUND = 'Maintenance not found';
const INVALID_ID = 'Invalid maintenance ID.';
const UNKNOWN_ID = 987_654;

/** Every key docs/protocol/maintenance.md#maintenance-object gives a Maintenance object. */
// prettier-ignore
const MAINTENANCE_KEYS = [
  'id', 'title', 'description', 'strategy', 'intervalDay', 'active', 'dateRange', 'timeRange',
  'weekdays', 'daysOfMonth', 'timeslotList', 'cron', 'duration', 'durationMinutes', 'timezone',
  'timezoneOption', 'timezoneOffset', 'status',
];

const maintenanceId = (w: World) => w.saved['maintenance'] as number;
const monitorId = (w: World) => w.saved['maintained'] as number;
const pageId = (w: World) => w.saved['maintainedPage'] as number;
const sameMaintenance = (w: World) => answerOf(w, 'getMaintenance', () => [maintenanceId(w)])();
const allMaintenances = (w: World) => tenantRows(w, 'maintenances');
const links = async (w: World) => [
  await sameMaintenance(w),
  await read(w, 'getMonitorMaintenance', [maintenanceId(w)]),
  await read(w, 'getMaintenanceStatusPage', [maintenanceId(w)]),
];

const WINDOW = ['2099-01-01 00:00:00', '2099-01-02 00:00:00'];

/** docs/protocol/maintenance.md#maintenance-object: the `single` window the edit step stores, with every key and its type. */
const scheduledWindow = (w: World) => ({
  id: maintenanceId(w),
  title: 'alpha-window-2',
  description: 'patching',
  strategy: 'single',
  intervalDay: nullOr('number'),
  active: true,
  dateRange: WINDOW,
  timeRange: [expect.any(Object), expect.any(Object)],
  weekdays: [],
  daysOfMonth: [],
  timeslotList: [{ startDate: WINDOW[0], endDate: WINDOW[1] }],
  cron: nullOr('string'),
  duration: nullOr('number'),
  durationMinutes: nullOr('number'),
  timezone: 'UTC',
  timezoneOption: 'UTC',
  timezoneOffset: '+00:00',
  status: 'scheduled',
});

/** MaintenanceInput of docs/protocol/maintenance.md#maintenance-object, as the UI sends it. */
const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'alpha-window',
  description: 'patching',
  strategy: 'manual',
  active: true,
  intervalDay: 1,
  dateRange: [],
  timeRange: [
    { hours: 0, minutes: 0 },
    { hours: 0, minutes: 0 },
  ],
  weekdays: [],
  daysOfMonth: [],
  cron: '',
  durationMinutes: 0,
  timezoneOption: 'UTC',
  ...overrides,
});

async function getMaintenance(w: World): Promise<Record<string, unknown>> {
  return (await read(w, 'getMaintenance', [maintenanceId(w)])).maintenance as Record<
    string,
    unknown
  >;
}

/** Bob tries tenant A's maintenance id with every id-taking event of docs/protocol/maintenance.md. */
function strangerSteps(): Step[] {
  const tries: [string, (w: World) => unknown[], unknown][] = [
    ['editMaintenance', (w) => [input({ id: maintenanceId(w), title: 'bob' })], fail(NOT_FOUND)],
    ['getMaintenance', (w) => [maintenanceId(w)], fail(NOT_FOUND)],
    ['pauseMaintenance', (w) => [maintenanceId(w)], fail(NOT_FOUND)],
    ['resumeMaintenance', (w) => [maintenanceId(w)], fail(NOT_FOUND)],
    ['addMonitorMaintenance', (w) => [maintenanceId(w), []], fail(NOT_FOUND)],
    ['getMonitorMaintenance', (w) => [maintenanceId(w)], fail(NOT_FOUND)],
    ['addMaintenanceStatusPage', (w) => [maintenanceId(w), []], fail(NOT_FOUND)],
    ['getMaintenanceStatusPage', (w) => [maintenanceId(w)], fail(NOT_FOUND)],
    // docs/protocol/maintenance.md: delete is silent when nothing of the caller's matches.
    ['deleteMaintenance', (w) => [maintenanceId(w)], okMsg('Deleted Successfully.')],
  ];
  return tries.map(([event, args, ack]) => ({
    event,
    title: 'another tenant’s maintenance id is not found',
    as: 'b',
    args,
    ack,
    unchanged: links,
  }));
}

export function maintenanceSteps(): Step[] {
  return [
    {
      event: 'addMaintenance',
      title: 'creates; maintenanceList before the ack',
      args: () => [input()],
      ack: okMsg('Added Successfully.', { maintenanceID: expect.any(Number) }),
      before: ['maintenanceList'],
      readBack: async (w, { ack, push }) => {
        const id = (ack as { maintenanceID: number }).maintenanceID;
        w.saved['maintenance'] = id;
        const [list] = push('maintenanceList') as [Record<string, Record<string, unknown>>];
        expect(list[String(id)]).toMatchObject({ id, title: 'alpha-window', active: true });
        expect(Object.keys(list[String(id)]!)).toEqual(expect.arrayContaining(MAINTENANCE_KEYS));
      },
    },
    {
      event: 'addMaintenance',
      title: 'an unknown strategy',
      args: () => [input({ strategy: 'sometimes' })],
      ack: fail(expect.stringMatching(/^Maintenance strategy must be one of /)),
      unchanged: allMaintenances,
    },
    {
      event: 'editMaintenance',
      title: 'overwrites; dateRange comes back verbatim',
      args: (w) => [
        input({
          id: maintenanceId(w),
          title: 'alpha-window-2',
          strategy: 'single',
          dateRange: WINDOW,
        }),
      ],
      ack: (w: World) => okMsg('Saved.', { maintenanceID: maintenanceId(w) }),
      before: ['maintenanceList'],
      readBack: async (w) => {
        expect(await getMaintenance(w)).toMatchObject({
          title: 'alpha-window-2',
          strategy: 'single',
          dateRange: WINDOW,
          status: 'scheduled',
        });
      },
    },
    {
      event: 'editMaintenance',
      title: 'unknown id',
      args: () => [input({ id: UNKNOWN_ID })],
      ack: fail(NOT_FOUND),
      unchanged: allMaintenances,
    },
    {
      event: 'getMaintenance',
      title:
        'answers the maintenance with every docs/protocol/maintenance.md#maintenance-object key',
      args: (w) => [maintenanceId(w)],
      ack: (w: World) => ok({ maintenance: scheduledWindow(w) }),
    },
    {
      event: 'getMaintenance',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
    },
    {
      event: 'getMaintenanceList',
      title: 'pushes maintenanceList, then acks',
      args: () => [],
      ack: ok(),
      before: ['maintenanceList'],
      readBack: async (w, { push }) => {
        expect(Object.keys(push('maintenanceList')[0] as object)).toEqual([
          String(maintenanceId(w)),
        ]);
      },
    },
    {
      event: 'getMaintenanceList',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: fail('You are not logged in.'),
    },
    {
      event: 'pauseMaintenance',
      title: 'acks, then pushes maintenanceList',
      args: (w) => [maintenanceId(w)],
      ack: okMsg('Paused Successfully.'),
      after: ['maintenanceList'],
      readBack: async (w) => {
        expect(await getMaintenance(w)).toMatchObject({ active: false, status: 'inactive' });
      },
    },
    {
      event: 'pauseMaintenance',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
      unchanged: allMaintenances,
    },
    {
      event: 'resumeMaintenance',
      title: 'acks "Resume Successfully" (no full stop), then pushes maintenanceList',
      args: (w) => [maintenanceId(w)],
      ack: okMsg('Resume Successfully'),
      after: ['maintenanceList'],
      readBack: async (w) => {
        expect(await getMaintenance(w)).toMatchObject({ active: true, status: 'scheduled' });
      },
    },
    {
      event: 'resumeMaintenance',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
      unchanged: allMaintenances,
    },
    {
      event: 'addMonitorMaintenance',
      title: 'replaces the affected monitors',
      arrange: async (w) => {
        w.saved['maintained'] = await insertMonitor(w.ctx.db, w.alice.tenantId, {
          name: 'alpha-maintained',
        });
      },
      args: (w) => [maintenanceId(w), [{ id: monitorId(w), name: 'extra keys are ignored' }]],
      ack: okMsg('Added Successfully.'),
      readBack: async (w) => {
        const { monitors } = await read(w, 'getMonitorMaintenance', [maintenanceId(w)]);
        // The exact shape is checked once, by the getMonitorMaintenance step.
        expect(monitors).toMatchObject([{ id: monitorId(w) }]);
      },
    },
    {
      event: 'addMonitorMaintenance',
      title: 'an unknown monitor',
      args: (w) => [maintenanceId(w), [{ id: UNKNOWN_ID }]],
      ack: fail('Monitor not found.'),
      unchanged: links,
    },
    {
      event: 'getMonitorMaintenance',
      title: 'answers the affected monitors',
      args: (w) => [maintenanceId(w)],
      ack: (w: World) => ok({ monitors: [{ id: monitorId(w) }] }),
    },
    {
      event: 'getMonitorMaintenance',
      title: 'an id that is not a number',
      args: () => ['abc'],
      ack: fail(INVALID_ID),
    },
    {
      event: 'addMaintenanceStatusPage',
      title: 'replaces the status pages showing it',
      arrange: async (w) => {
        await read(w, 'addStatusPage', ['Alpha Status', 'alpha-status']);
        const { config } = await read(w, 'getStatusPage', ['alpha-status']);
        w.saved['maintainedPage'] = (config as { id: number }).id;
      },
      args: (w) => [maintenanceId(w), [{ id: pageId(w) }]],
      ack: okMsg('Added Successfully.'),
      readBack: async (w) => {
        const { statusPages } = await read(w, 'getMaintenanceStatusPage', [maintenanceId(w)]);
        expect(statusPages).toEqual([{ id: pageId(w), title: 'Alpha Status' }]);
      },
    },
    {
      event: 'addMaintenanceStatusPage',
      title: 'an unknown status page',
      args: (w) => [maintenanceId(w), [{ id: UNKNOWN_ID }]],
      ack: fail('Status page not found.'),
      unchanged: links,
    },
    {
      event: 'getMaintenanceStatusPage',
      title: 'answers the linked pages',
      args: (w) => [maintenanceId(w)],
      ack: (w: World) => ok({ statusPages: [{ id: pageId(w), title: 'Alpha Status' }] }),
    },
    {
      event: 'getMaintenanceStatusPage',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
    },
    ...strangerSteps(),
    {
      event: 'deleteMaintenance',
      title: 'acks, then pushes maintenanceList',
      args: (w) => [maintenanceId(w)],
      ack: okMsg('Deleted Successfully.'),
      after: ['maintenanceList'],
      readBack: async (w, { push }) => {
        expect(push('maintenanceList')).toEqual([{}]);
        expect(await w.a.call('getMaintenance', maintenanceId(w))).toEqual(fail(NOT_FOUND));
      },
    },
    {
      event: 'deleteMaintenance',
      title: 'an id that is not a number',
      args: () => ['abc'],
      ack: fail(INVALID_ID),
      unchanged: allMaintenances,
    },
  ];
}
