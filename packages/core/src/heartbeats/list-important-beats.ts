import { z } from 'zod';
import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import type { ServiceContext } from '../services/service-context.js';
import { countImportantBeats, listImportantBeatsPage } from './heartbeat-repository.js';
import { toImportantHeartbeatJson } from './heartbeat-wire.js';

/** The largest page the monitor page (or any client) may ask for. */
export const MAX_IMPORTANT_PAGE = 100;
const INVALID_PAGE_MSG = 'Invalid page.';

const wholeNumber = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)], {
  message: INVALID_PAGE_MSG,
});

/** `offset` of monitorImportantHeartbeatListPaged: a whole number from 0. */
export const importantPageOffsetSchema = wholeNumber.pipe(
  z
    .number()
    .int(INVALID_PAGE_MSG)
    .min(0, INVALID_PAGE_MSG)
    .max(2 ** 31 - 1, INVALID_PAGE_MSG),
);

/** `count` of monitorImportantHeartbeatListPaged: 1 to MAX_IMPORTANT_PAGE. */
export const importantPageSizeSchema = wholeNumber.pipe(
  z
    .number()
    .int(INVALID_PAGE_MSG)
    .min(1, INVALID_PAGE_MSG)
    .max(MAX_IMPORTANT_PAGE, INVALID_PAGE_MSG),
);

/**
 * `monitorImportantHeartbeatListCount` (docs/protocol/monitors.md#monitorimportantheartbeatlistcount):
 * how many important beats the monitor has. Another tenant's monitor answers like a missing one
 * (architecture rule 1).
 */
export async function countMonitorImportantBeats(
  ctx: ServiceContext,
  monitorId: number,
): Promise<number> {
  await assertOwnMonitor(ctx, monitorId);
  return countImportantBeats(ctx.db, ctx.tenantId, monitorId);
}

/**
 * `monitorImportantHeartbeatListPaged` (docs/protocol/monitors.md#monitorimportantheartbeatlistpaged):
 * one page of the monitor's important beats, newest first, in the shape of
 * `importantHeartbeatList`.
 */
export async function listMonitorImportantBeats(
  ctx: ServiceContext,
  monitorId: number,
  offset: number,
  limit: number,
): Promise<ReturnType<typeof toImportantHeartbeatJson>[]> {
  await assertOwnMonitor(ctx, monitorId);
  const beats = await listImportantBeatsPage(ctx.db, ctx.tenantId, monitorId, { offset, limit });
  return beats.map(toImportantHeartbeatJson);
}
