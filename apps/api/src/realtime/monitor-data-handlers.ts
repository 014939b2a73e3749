import { monitorIdSchema } from '@watchpost/core';
import {
  beatPeriodHoursSchema,
  countMonitorImportantBeats,
  getMonitorChartData,
  getMonitorStats,
  importantPageOffsetSchema,
  importantPageSizeSchema,
  listMonitorImportantBeats,
  clearEvents,
  clearHeartbeats,
  clearStatistics,
  getDatabaseSize,
  shrinkDatabase,
} from '@watchpost/core/services';
import { defineHandler, type SocketHandler } from './define-handler.js';

// A monitor's recorded history and the database that holds it. Another tenant's monitor
// answers like a missing one (architecture rule 1); upstream checks no ownership for these at all.

export const monitorDataHandlers: readonly SocketHandler[] = [
  // `clearEvents` (docs/protocol/monitors.md#clearevents): push the emptied important list to the room, then ack.
  defineHandler('clearEvents', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await clearEvents(service, monitorId);
    return { ok: true };
  }),

  // `clearHeartbeats` (docs/protocol/monitors.md#clearheartbeats): push the emptied beat list to the room, then ack.
  defineHandler('clearHeartbeats', [monitorIdSchema], async ({ service }, [monitorId]) => {
    await clearHeartbeats(service, monitorId);
    return { ok: true };
  }),

  // `clearStatistics` (docs/protocol/monitors.md#clearstatistics): every beat of the tenant's monitors; no push.
  defineHandler('clearStatistics', [], async ({ service }) => {
    await clearStatistics(service);
    return { ok: true };
  }),

  // Watchpost's monitor page events (docs/protocol/monitors.md#the-monitor-pages-events): what a lean
  // socket's burst leaves out, asked for when a monitor is opened.
  defineHandler(
    'getMonitorChartData',
    [monitorIdSchema, beatPeriodHoursSchema],
    async ({ service }, [monitorId, periodHours]) => ({
      ok: true,
      data: await getMonitorChartData(service, monitorId, periodHours),
    }),
  ),

  defineHandler('getMonitorStats', [monitorIdSchema], async ({ service }, [monitorId]) => ({
    ok: true,
    ...(await getMonitorStats(service, monitorId)),
  })),

  defineHandler(
    'monitorImportantHeartbeatListCount',
    [monitorIdSchema],
    async ({ service }, [monitorId]) => ({
      ok: true,
      count: await countMonitorImportantBeats(service, monitorId),
    }),
  ),

  defineHandler(
    'monitorImportantHeartbeatListPaged',
    [monitorIdSchema, importantPageOffsetSchema, importantPageSizeSchema],
    async ({ service }, [monitorId, offset, count]) => ({
      ok: true,
      data: await listMonitorImportantBeats(service, monitorId, offset, count),
    }),
  ),

  // docs/protocol/settings.md; see getDatabaseSize for why this is the whole database's size.
  defineHandler('getDatabaseSize', [], async ({ service, deps }) => ({
    ok: true,
    size: await getDatabaseSize(service, deps.instance),
  })),

  defineHandler('shrinkDatabase', [], async ({ service, deps }) => {
    await shrinkDatabase(service, deps.instance);
    return { ok: true };
  }),
];
