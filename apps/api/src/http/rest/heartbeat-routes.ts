import { z } from 'zod';
import {
  getMonitorBeats,
  getMonitorUptime,
  MAX_UPTIME_WINDOW_HOURS,
} from '@watchpost/core/services';
import { defineRoute } from './rest-route.js';
import { cursorQuery, encodeCursor, idParams, limitQuery, pageOf } from './rest-schemas.js';

const params = idParams('Monitor');

/** A beat as the socket API sends it (docs/protocol/monitors.md#getmonitorbeats). */
const beatSchema = z.object({
  id: z.number().int().nullable(),
  important: z.number().int(),
  monitor_id: z.number().int(),
  status: z.number().int().meta({ description: '0 down, 1 up, 2 pending, 3 maintenance.' }),
  msg: z.string(),
  time: z.string().meta({ description: 'UTC, "YYYY-MM-DD HH:mm:ss.SSS".' }),
  ping: z.number().nullable(),
  duration: z.number().nullable(),
  down_count: z.number().int().nullable(),
});

const WINDOW_MSG = `window must be hours or days like 1h, 24h, 30d, from 1h to ${MAX_UPTIME_WINDOW_HOURS / 24}d.`;

/** `24h`, `30d` … as hours, 1 h to a year. */
const windowQuery = z
  .string()
  .regex(/^\d{1,4}[hd]$/, WINDOW_MSG)
  .transform((text) => Number(text.slice(0, -1)) * (text.endsWith('d') ? 24 : 1))
  .pipe(z.number().min(1, WINDOW_MSG).max(MAX_UPTIME_WINDOW_HOURS, WINDOW_MSG));

const beatsQuery = z.object({
  window: windowQuery
    .optional()
    .transform((hours) => hours ?? 24)
    .meta({ description: 'How far back, like 1h, 24h or 30d (default 24h, at most 365d).' }),
  limit: limitQuery(100, 1000),
  cursor: cursorQuery,
});

const uptimeSchema = z.object({
  monitorId: z.number().int(),
  window: z.string(),
  hours: z.number(),
  uptime: z.number().min(0).max(1).meta({ description: 'Ratio 0..1.' }),
  avgResponseTimeMs: z.number().nullable(),
  up: z.number().int(),
  down: z.number().int(),
});

export const heartbeatRoutes = [
  defineRoute({
    method: 'GET',
    path: '/monitors/{id}/heartbeats',
    operationId: 'listHeartbeats',
    summary: 'Beats of the window, newest first; each next page goes further back in time.',
    tag: 'heartbeats',
    scope: 'read',
    params,
    query: beatsQuery,
    response: pageOf(beatSchema),
    handle: async ({ service, params: { id }, query }) => {
      const page = await getMonitorBeats(service, id, query.window, query.cursor, query.limit);
      const newestFirst = page.beats.reverse();
      const oldest = newestFirst.at(-1);
      return {
        data: newestFirst,
        nextCursor: page.more && oldest?.id ? encodeCursor(oldest.id) : null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/monitors/{id}/uptime',
    operationId: 'getMonitorUptime',
    summary: 'Uptime ratio and average response time over a window of 1 hour to 365 days.',
    tag: 'heartbeats',
    scope: 'read',
    params,
    query: z.object({
      window: windowQuery.meta({ description: 'Like 1h, 24h, 7d, 30d or 365d.' }),
    }),
    response: uptimeSchema,
    handle: async ({ service, params: { id }, query }) => {
      const result = await getMonitorUptime(service, id, query.window);
      return {
        monitorId: id,
        window: result.hours % 24 === 0 ? `${result.hours / 24}d` : `${result.hours}h`,
        hours: result.hours,
        uptime: result.uptime,
        avgResponseTimeMs: result.avgPing,
        up: result.up,
        down: result.down,
      };
    },
  }),
];
