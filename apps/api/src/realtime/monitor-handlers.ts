import { monitorIdSchema } from '@watchpost/core';
import { z } from 'zod';
import {
  addMonitor,
  beatPageSchema,
  beatPeriodHoursSchema,
  deleteMonitor,
  editMonitor,
  getMonitor,
  getMonitorBeats,
  pauseMonitor,
  pushMonitorList,
  resumeMonitor,
} from '@watchpost/core/services';
import { redactMonitor } from '@watchpost/core/realtime';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';
import { forSession } from './session-audience.js';

export const monitorHandlers: readonly SocketHandler[] = [
  // `add` (docs/protocol/monitors.md#add): monitorList to the room, then the ack (docs/protocol/transport.md#pushes-and-rooms, docs/protocol/transport.md#timing-and-ordering).
  defineHandler('add', [z.unknown()], async ({ service }, [payload]) => {
    const { monitorId } = await addMonitor(service, payload);
    return { ok: true, msg: 'Added Successfully.', monitorID: monitorId };
  }),

  // `editMonitor` (docs/protocol/monitors.md#editmonitor): a full overwrite of the editable fields; `active` is ignored.
  defineHandler('editMonitor', [z.unknown()], async ({ service }, [payload]) => {
    const { monitorId } = await editMonitor(service, payload);
    return { ok: true, msg: 'Saved.', monitorID: monitorId };
  }),

  // `deleteMonitor` (docs/protocol/monitors.md#deletemonitor): ack first, then monitorList, then an emptied important list.
  defineHandler('deleteMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    const { publish } = await deleteMonitor(service, monitorId);
    return Reply.of({ ok: true, msg: 'Deleted Successfully.' }, publish);
  }),

  // `pauseMonitor` (docs/protocol/monitors.md#pausemonitor).
  defineHandler('pauseMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await pauseMonitor(service, monitorId);
    return { ok: true, msg: 'Paused Successfully.' };
  }),

  // `resumeMonitor` (docs/protocol/monitors.md#resumemonitor).
  defineHandler('resumeMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await resumeMonitor(service, monitorId);
    return { ok: true, msg: 'Resumed Successfully.' };
  }),

  // `getMonitor` (docs/protocol/monitors.md#getmonitor).
  defineHandler('getMonitor', [monitorIdSchema], async ({ service, session }, [monitorId]) => ({
    ok: true,
    monitor: forSession(session, await getMonitor(service, monitorId), redactMonitor),
  })),

  // `getMonitorList` (docs/protocol/monitors.md#getmonitorlist): push, then ack.
  defineHandler('getMonitorList', [], async ({ service }) => {
    await pushMonitorList(service);
    return { ok: true };
  }),

  // `getMonitorBeats` (docs/protocol/monitors.md#getmonitorbeats).
  defineHandler(
    'getMonitorBeats',
    [monitorIdSchema, beatPeriodHoursSchema, beatPageSchema],
    async ({ service }, [monitorId, periodHours, beforeId]) => {
      const page = await getMonitorBeats(service, monitorId, periodHours, beforeId);
      // `more` only when beats were left out, so the ack stays upstream's otherwise.
      return { ok: true, data: page.beats, ...(page.more && { more: true }) };
    },
  ),
];
