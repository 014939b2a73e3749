import { z } from 'zod';
import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import type { ServiceContext } from '../services/service-context.js';
import { listBeatsSince } from './heartbeat-repository.js';
import { toHeartbeatRowJson } from './heartbeat-wire.js';

// Literal text of docs/protocol/compatibility.md#literal-strings.
const INVALID_PERIOD_MSG = 'Invalid period.';
const MAX_PERIOD_HOURS = 8760;
const HOUR_MS = 3_600_000;

// Numbers from Python and the UI; numeric text is tolerated as it is for ids.
const periodText = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number);

/** `getMonitorBeats`' period in hours: positive, at most a year. */
export const beatPeriodHoursSchema = z
  .union([z.number(), periodText], { message: INVALID_PERIOD_MSG })
  .pipe(z.number().positive(INVALID_PERIOD_MSG).max(MAX_PERIOD_HOURS, INVALID_PERIOD_MSG));

/**
 * The most beats one `getMonitorBeats` answers: a week of a 60-second monitor, about 1.5 MB of
 * JSON. A year of a 20-second monitor is 1.5 million rows, which would hold the API node and
 * the socket for seconds; older beats of the window come page by page.
 */
export const MAX_BEATS_PER_PAGE = 10_000;

const beforeIdSchema = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)], {
    message: 'before must be the id of a beat.',
  })
  .pipe(
    z.number().int('before must be the id of a beat.').positive('before must be the id of a beat.'),
  );

/** Watchpost's optional third argument of `getMonitorBeats`: `{before: <beat id>}` asks for the next older page. */
export const beatPageSchema = z
  .object({ before: beforeIdSchema.optional() }, { message: 'The page must be an object.' })
  .nullish()
  .transform((page) => page?.before);

export interface MonitorBeatsPage {
  /** Oldest first. */
  beats: ReturnType<typeof toHeartbeatRowJson>[];
  /** Older beats of the window were left out: ask again with `before` = the first beat's id. */
  more: boolean;
}

/**
 * `getMonitorBeats` (docs/protocol/monitors.md#getmonitorbeats): the monitor's beats of the last `periodHours`, oldest first.
 * Unlike upstream it checks ownership (architecture rule 1), bounds the window to a year, the
 * longest any client asks for (beatPeriodHoursSchema), and answers at most
 * MAX_BEATS_PER_PAGE of them (or `pageSize`, the REST API's `limit`): the newest, so a
 * client that does not page still gets the recent part of its chart.
 */
export async function getMonitorBeats(
  ctx: ServiceContext,
  monitorId: number,
  periodHours: number,
  beforeId?: number,
  pageSize: number = MAX_BEATS_PER_PAGE,
): Promise<MonitorBeatsPage> {
  await assertOwnMonitor(ctx, monitorId);
  const since = new Date(Date.now() - periodHours * HOUR_MS);
  // One row more than a page says whether anything older is left.
  const rows = await listBeatsSince(ctx.db, ctx.tenantId, monitorId, since, {
    limit: pageSize + 1,
    ...(beforeId !== undefined && { beforeId }),
  });
  const more = rows.length > pageSize;
  return { beats: (more ? rows.slice(1) : rows).map(toHeartbeatRowJson), more };
}
