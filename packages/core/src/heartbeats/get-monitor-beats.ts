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
 * `getMonitorBeats` (docs/protocol/monitors.md#getmonitorbeats): the monitor's beats of the last `periodHours`, oldest first.
 * Unlike upstream it checks ownership (architecture rule 1) and bounds the window to a year, the
 * longest any client asks for (beatPeriodHoursSchema).
 */
export async function getMonitorBeats(
  ctx: ServiceContext,
  monitorId: number,
  periodHours: number,
): Promise<ReturnType<typeof toHeartbeatRowJson>[]> {
  await assertOwnMonitor(ctx, monitorId);
  const since = new Date(Date.now() - periodHours * HOUR_MS);
  const rows = await listBeatsSince(ctx.db, ctx.tenantId, monitorId, since);
  return rows.map(toHeartbeatRowJson);
}
