import { expect } from 'vitest';
import { UP } from '@watchpost/core';
import { heartbeatRepository } from '@watchpost/core/db';
import { httpMonitorPayload } from '../../testing/api-test-context.js';
import { fail, nullOr, ok, okMsg, type Step } from '../conformance-step.js';
import type { World } from '../conformance-world.js';
import { answerOf, getBeats, getMonitor, tenantRows } from '../read-back.js';
import { expectMonitorShape } from './monitor-shape.js';

// docs/protocol/monitors.md, event by event. Watchpost answers some unknown ids with its own text where
// upstream leaks a runtime error (docs/protocol/monitors.md getMonitor: any ok:false will do); those texts are
// pinned here too, so a change to them is a decision, not an accident.

const NOT_FOUND = 'Monitor not found.';
const NOT_OWNER = 'You do not own this monitor.';
const INVALID_ID = 'Invalid monitor ID.';
const UNKNOWN_ID = 987_654;

const monitorId = (w: World) => w.saved['monitor'] as number;
const sameMonitor = (w: World) => answerOf(w, 'getMonitor', () => [monitorId(w)])();
const allMonitors = (w: World) => tenantRows(w, 'monitors');

async function recordUpBeats(w: World, msgs: string[]): Promise<void> {
  const now = Date.now();
  await heartbeatRepository.recordBeats(
    w.ctx.db,
    msgs.map((msg, i) => ({
      tenantId: w.alice.tenantId,
      monitorId: monitorId(w),
      status: UP,
      msg,
      time: new Date(now - (msgs.length - i) * 60_000),
      pingMs: 10 + i,
      durationSec: 0,
      downCount: 0,
      important: i === 0,
      retries: 0,
      nextDueAt: new Date(now + 60_000),
    })),
  );
}

const heartbeatRow = (w: World, msg: string, important: 0 | 1) => ({
  id: expect.any(Number),
  important,
  monitor_id: monitorId(w),
  status: UP,
  msg,
  time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/),
  ping: expect.any(Number),
  duration: 0,
  down_count: 0,
});

/** Bob tries tenant A's monitor id with every id-taking event of docs/protocol/monitors.md. */
function strangerSteps(): Step[] {
  const tries: [string, (w: World) => unknown[], string][] = [
    ['getMonitor', (w) => [monitorId(w)], NOT_FOUND],
    [
      'editMonitor',
      (w) => [httpMonitorPayload({ id: monitorId(w), name: 'bob' })],
      'Permission denied.',
    ],
    ['getMonitorBeats', (w) => [monitorId(w), 24], NOT_FOUND],
    ['getMonitorChartData', (w) => [monitorId(w), 24], NOT_FOUND],
    ['getMonitorStats', (w) => [monitorId(w)], NOT_FOUND],
    ['monitorImportantHeartbeatListCount', (w) => [monitorId(w)], NOT_FOUND],
    ['monitorImportantHeartbeatListPaged', (w) => [monitorId(w), 0, 10], NOT_FOUND],
    ['pauseMonitor', (w) => [monitorId(w)], NOT_OWNER],
    ['resumeMonitor', (w) => [monitorId(w)], NOT_OWNER],
    ['clearEvents', (w) => [monitorId(w)], NOT_FOUND],
    ['clearHeartbeats', (w) => [monitorId(w)], NOT_FOUND],
    ['deleteMonitor', (w) => [monitorId(w)], NOT_FOUND],
  ];
  return tries.map(([event, args, msg]) => ({
    event,
    title: 'another tenant’s monitor id is not found',
    as: 'b',
    args,
    ack: fail(msg),
    unchanged: async (w) => [await sameMonitor(w), await getBeats(w, monitorId(w))],
  }));
}

export function monitorSteps(): Step[] {
  return [
    {
      event: 'add',
      title: 'creates; monitorList reaches the room before the ack',
      args: () => [httpMonitorPayload({ name: 'alpha-web', interval: 60 })],
      ack: okMsg('Added Successfully.', { monitorID: expect.any(Number) }),
      before: ['monitorList'],
      readBack: async (w, { ack, push }) => {
        const id = (ack as { monitorID: number }).monitorID;
        w.saved['monitor'] = id;
        const [list] = push('monitorList') as [Record<string, unknown>];
        expect(list[String(id)]).toMatchObject({ id, name: 'alpha-web' });
        expectMonitorShape(list[String(id)], { id, name: 'alpha-web' });
        expectMonitorShape(await getMonitor(w, id), { id, interval: 60, active: true });
      },
    },
    {
      event: 'add',
      title: 'refuses status codes that are not all strings',
      args: () => [httpMonitorPayload({ accepted_statuscodes: [200] })],
      // Watchpost adds the field the message is about (docs/protocol/monitors.md#field-hints).
      ack: { ...fail('Accepted status codes are not all strings'), field: 'accepted_statuscodes' },
      unchanged: allMonitors,
    },
    {
      event: 'add',
      title: 'refuses an interval under 20 seconds',
      args: () => [httpMonitorPayload({ interval: 10 })],
      ack: { ...fail('Interval cannot be less than 20 seconds'), field: 'interval' },
      unchanged: allMonitors,
    },
    {
      event: 'editMonitor',
      title: 'overwrites from the full object, ignoring active; monitorList before the ack',
      args: (w) => [
        httpMonitorPayload({ id: monitorId(w), name: 'alpha-web-2', interval: 90, active: false }),
      ],
      ack: (w: World) => okMsg('Saved.', { monitorID: monitorId(w) }),
      before: ['monitorList'],
      readBack: async (w) => {
        expect(await getMonitor(w, monitorId(w))).toMatchObject({
          name: 'alpha-web-2',
          interval: 90,
          active: true,
        });
      },
    },
    {
      event: 'editMonitor',
      title: 'unknown id is "Permission denied."',
      args: () => [httpMonitorPayload({ id: UNKNOWN_ID })],
      ack: fail('Permission denied.'),
      unchanged: allMonitors,
    },
    {
      event: 'editMonitor',
      title: 'a parent inside its own subtree is "Invalid Monitor Group"',
      args: (w) => [httpMonitorPayload({ id: monitorId(w), parent: monitorId(w) })],
      ack: { ...fail('Invalid Monitor Group'), field: 'parent' },
      unchanged: sameMonitor,
    },
    {
      event: 'getMonitor',
      title: 'answers the monitor object',
      args: (w) => [monitorId(w)],
      ack: (w: World) => ok({ monitor: expect.objectContaining({ id: monitorId(w) }) }),
      readBack: async (_w, { ack }) => {
        expectMonitorShape((ack as { monitor: unknown }).monitor, {
          notificationIDList: {},
          tags: [],
          childrenIDs: [],
          accepted_statuscodes: ['200-299'],
          includeSensitiveData: true,
        });
      },
    },
    {
      event: 'getMonitor',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
    },
    {
      event: 'getMonitor',
      title: 'an id that is not a number',
      args: () => ['abc'],
      ack: fail(INVALID_ID),
    },
    {
      event: 'getMonitorList',
      title: 'pushes monitorList, then acks',
      args: () => [],
      ack: ok(),
      before: ['monitorList'],
      readBack: async (w, { push }) => {
        const [list] = push('monitorList') as [Record<string, unknown>];
        expect(Object.keys(list)).toEqual([String(monitorId(w))]);
      },
    },
    {
      event: 'getMonitorList',
      title: 'not logged in',
      as: 'anon',
      args: () => [],
      ack: fail('You are not logged in.'),
    },
    {
      event: 'getMonitorBeats',
      title: 'raw rows of the period, oldest first',
      arrange: (w) => recordUpBeats(w, ['first', 'second']),
      args: (w) => [monitorId(w), 24],
      ack: (w: World) => ok({ data: [heartbeatRow(w, 'first', 1), heartbeatRow(w, 'second', 0)] }),
    },
    {
      event: 'getMonitorBeats',
      title: 'a missing period is "Invalid period."',
      args: (w) => [monitorId(w), null],
      ack: fail('Invalid period.'),
    },
    {
      event: 'getMonitorBeats',
      title: 'unknown id',
      args: () => [UNKNOWN_ID, 24],
      ack: fail(NOT_FOUND),
    },
    {
      event: 'getMonitorChartData',
      title: 'Watchpost’s own: aggregate buckets of the period, oldest first',
      args: (w) => [monitorId(w), 24],
      ack: ok({ data: expect.any(Array) }),
      readBack: async (_w, { ack }) => {
        const { data } = ack as { data: { up: number; timestamp: number }[] };
        expect(data.reduce((sum, point) => sum + point.up, 0)).toBeGreaterThanOrEqual(2);
      },
    },
    {
      event: 'getMonitorChartData',
      title: 'a missing period is "Invalid period."',
      args: (w) => [monitorId(w), null],
      ack: fail('Invalid period.'),
    },
    {
      event: 'getMonitorStats',
      title: 'Watchpost’s own: uptime for 24 h, 30 d and a year, average ping, certificate',
      args: (w) => [monitorId(w)],
      ack: ok({
        uptime: { '24': expect.any(Number), '720': expect.any(Number), '8760': expect.any(Number) },
        avgPing: nullOr('number'),
        certInfo: nullOr('string'),
      }),
    },
    {
      event: 'monitorImportantHeartbeatListCount',
      title: 'Watchpost’s own (named as in Kuma 2.x): how many important beats',
      args: (w) => [monitorId(w)],
      ack: ok({ count: expect.any(Number) }),
    },
    {
      event: 'monitorImportantHeartbeatListPaged',
      title: 'Watchpost’s own (named as in Kuma 2.x): a page of important beats, newest first',
      args: (w) => [monitorId(w), 0, 10],
      ack: ok({
        data: expect.arrayContaining([expect.objectContaining({ msg: 'first', important: 1 })]),
      }),
    },
    {
      event: 'monitorImportantHeartbeatListPaged',
      title: 'a page size beyond 100 is "Invalid page."',
      args: (w) => [monitorId(w), 0, 500],
      ack: fail('Invalid page.'),
    },
    {
      event: 'pauseMonitor',
      title: 'pauses; monitorList before the ack',
      args: (w) => [monitorId(w)],
      ack: okMsg('Paused Successfully.'),
      before: ['monitorList'],
      readBack: async (w) => {
        expect(await getMonitor(w, monitorId(w))).toMatchObject({ active: false });
      },
    },
    {
      event: 'pauseMonitor',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_OWNER),
      unchanged: allMonitors,
    },
    {
      event: 'resumeMonitor',
      title: 'resumes; monitorList before the ack',
      args: (w) => [monitorId(w)],
      ack: okMsg('Resumed Successfully.'),
      before: ['monitorList'],
      readBack: async (w) => {
        expect(await getMonitor(w, monitorId(w))).toMatchObject({ active: true });
      },
    },
    {
      event: 'resumeMonitor',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_OWNER),
      unchanged: allMonitors,
    },
    {
      event: 'clearEvents',
      title: 'blanks the events; an emptied importantHeartbeatList before the ack',
      args: (w) => [monitorId(w)],
      ack: ok(),
      before: ['importantHeartbeatList'],
      readBack: async (w, { push }) => {
        expect(push('importantHeartbeatList')).toEqual([monitorId(w), [], true]);
        const beats = await getBeats(w, monitorId(w));
        expect(beats.map((b) => [b.msg, b.important])).toEqual([
          ['', 0],
          ['', 0],
        ]);
      },
    },
    {
      event: 'clearEvents',
      title: 'unknown id',
      args: () => [UNKNOWN_ID],
      ack: fail(NOT_FOUND),
    },
    {
      event: 'clearHeartbeats',
      title: 'deletes the beats; an emptied heartbeatList before the ack',
      args: (w) => [monitorId(w)],
      ack: ok(),
      before: ['heartbeatList'],
      readBack: async (w, { push }) => {
        expect(push('heartbeatList')).toEqual([monitorId(w), [], true]);
        expect(await getBeats(w, monitorId(w))).toEqual([]);
      },
    },
    {
      event: 'clearHeartbeats',
      title: 'an id that is not a number',
      args: () => [{ id: 1 }],
      ack: fail(INVALID_ID),
    },
    {
      event: 'clearStatistics',
      title: 'deletes every beat of the tenant',
      arrange: (w) => recordUpBeats(w, ['kept until cleared']),
      args: () => [],
      ack: ok(),
      readBack: async (w) => expect(await getBeats(w, monitorId(w))).toEqual([]),
    },
    {
      event: 'clearStatistics',
      title: 'not logged in',
      as: 'anon',
      arrange: (w) => recordUpBeats(w, ['survives']),
      args: () => [],
      ack: fail('You are not logged in.'),
      unchanged: (w) => getBeats(w, monitorId(w)),
    },
    ...strangerSteps(),
    {
      event: 'deleteMonitor',
      title: 'acks, then pushes monitorList and an emptied importantHeartbeatList',
      args: (w) => [monitorId(w)],
      ack: okMsg('Deleted Successfully.'),
      after: ['monitorList', 'importantHeartbeatList'],
      readBack: async (w, { push }) => {
        expect(push('monitorList')).toEqual([{}]);
        expect(push('importantHeartbeatList')).toEqual([monitorId(w), [], true]);
        expect(await w.a.call('getMonitor', monitorId(w))).toEqual(fail(NOT_FOUND));
      },
    },
    {
      // Upstream acks ok:true here; docs/protocol/compatibility.md#what-the-python-client-does-itself lets a server refuse, and Watchpost does so that
      // another tenant's id cannot be told from a missing one.
      event: 'deleteMonitor',
      title: 'an id that is gone',
      args: (w) => [monitorId(w)],
      ack: fail(NOT_FOUND),
      unchanged: allMonitors,
    },
  ];
}
