import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import type { ServiceContext } from '../services/service-context.js';
import { getWindowStats } from './stats-repository.js';
import { averagePing, uptimeRatio } from './window-stats.js';

/** The longest window any client asks about: a year. */
export const MAX_UPTIME_WINDOW_HOURS = 8760;

export interface MonitorUptime {
  hours: number;
  /** Ratio 0..1, with Kuma's fallback to the current status for an empty window. */
  uptime: number;
  /** Average response time in ms, truncated; null without samples. */
  avgPing: number | null;
  up: number;
  down: number;
}

/**
 * One monitor's uptime and average response time over the last `hours` (1 to a year), from
 * the aggregates (architecture rule 8), computed the way getMonitorStats computes its fixed
 * windows. The REST API's `/monitors/{id}/uptime`.
 */
export async function getMonitorUptime(
  ctx: ServiceContext,
  monitorId: number,
  hours: number,
): Promise<MonitorUptime> {
  await assertOwnMonitor(ctx, monitorId);
  const [state, windows] = await Promise.all([
    monitorRepository.findMonitorState(ctx.db, ctx.tenantId, monitorId),
    getWindowStats(ctx.db, ctx.tenantId, [monitorId], hours),
  ]);
  const stats = windows.get(monitorId);
  const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
  return {
    hours,
    uptime: uptimeRatio(stats, currentlyUp),
    avgPing: averagePing(stats),
    up: stats?.up ?? 0,
    down: stats?.down ?? 0,
  };
}
