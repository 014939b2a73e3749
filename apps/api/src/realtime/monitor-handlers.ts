import { monitorIdSchema } from '@watchpost/core';
import { z } from 'zod';
import {
  addMonitor,
  beatPeriodHoursSchema,
  deleteMonitor,
  editMonitor,
  getMonitor,
  getMonitorBeats,
  pauseMonitor,
  pushMonitorList,
  resumeMonitor,
} from '@watchpost/core/services';
import { defineHandler, Reply, type SocketHandler } from './define-handler.js';

export const monitorHandlers: readonly SocketHandler[] = [
  // Spec §3.1 `add`: monitorList to the room, then the ack (§1.4, §9.3).
  defineHandler('add', [z.unknown()], async ({ service }, [payload]) => {
    const { monitorId } = await addMonitor(service, payload);
    return { ok: true, msg: 'Added Successfully.', monitorID: monitorId };
  }),

  // Spec §3.1 `editMonitor`: a full overwrite of the editable fields; `active` is ignored.
  defineHandler('editMonitor', [z.unknown()], async ({ service }, [payload]) => {
    const { monitorId } = await editMonitor(service, payload);
    return { ok: true, msg: 'Saved.', monitorID: monitorId };
  }),

  // Spec §3.1 `deleteMonitor`: ack first, then monitorList, then an emptied important list.
  defineHandler('deleteMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    const { publish } = await deleteMonitor(service, monitorId);
    return Reply.of({ ok: true, msg: 'Deleted Successfully.' }, publish);
  }),

  // Spec §3.1 `pauseMonitor`.
  defineHandler('pauseMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await pauseMonitor(service, monitorId);
    return { ok: true, msg: 'Paused Successfully.' };
  }),

  // Spec §3.1 `resumeMonitor`.
  defineHandler('resumeMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await resumeMonitor(service, monitorId);
    return { ok: true, msg: 'Resumed Successfully.' };
  }),

  // Spec §3.1 `getMonitor`.
  defineHandler('getMonitor', [monitorIdSchema], async ({ service }, [monitorId]) => ({
    ok: true,
    monitor: await getMonitor(service, monitorId),
  })),

  // Spec §3.1 `getMonitorList`: push, then ack.
  defineHandler('getMonitorList', [], async ({ service }) => {
    await pushMonitorList(service);
    return { ok: true };
  }),

  // Spec §3.1 `getMonitorBeats`.
  defineHandler(
    'getMonitorBeats',
    [monitorIdSchema, beatPeriodHoursSchema],
    async ({ service }, [monitorId, periodHours]) => ({
      ok: true,
      data: await getMonitorBeats(service, monitorId, periodHours),
    }),
  ),
];
