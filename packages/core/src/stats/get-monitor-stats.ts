import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import type { ServiceContext } from '../services/service-context.js';
import { getWindowStats } from './stats-repository.js';
import { averagePing, uptimeRatio } from './window-stats.js';

/** The windows the monitor page shows: 24 hours, 30 days, a year. */
export const MONITOR_STATS_WINDOWS = [24, 720, 8760] as const;

/** docs/protocol/monitors.md#getmonitorstats: what Kuma's burst pushes per monitor, on demand. */
export interface MonitorStats {
  /** Uptime ratio 0..1 by window in hours ("24", "720", "8760"). */
  uptime: Record<string, number>;
  /** Average ping of the last 24 hours, truncated; null without samples. */
  avgPing: number | null;
  /** The `certInfo` push's JSON text, or null before any TLS check. */
  certInfo: string | null;
}

/**
 * `getMonitorStats` (docs/protocol/monitors.md#getmonitorstats), a Watchpost event: a lean
 * socket never receives the burst's `avgPing`, `uptime` and `certInfo` pushes
 * (docs/protocol/dashboard.md#details-on-demand), so the monitor page asks for them, and for
 * the year's uptime, when it opens. The ratios come from the aggregates (architecture rule 8)
 * with the same empty-window fallback as the `uptime` push.
 */
export async function getMonitorStats(
  ctx: ServiceContext,
  monitorId: number,
): Promise<MonitorStats> {
  await assertOwnMonitor(ctx, monitorId);
  const [state, ...windows] = await Promise.all([
    monitorRepository.findMonitorState(ctx.db, ctx.tenantId, monitorId),
    ...MONITOR_STATS_WINDOWS.map((hours) =>
      getWindowStats(ctx.db, ctx.tenantId, [monitorId], hours),
    ),
  ]);
  const currentlyUp = state?.status === UP || state?.status === MAINTENANCE;
  const uptime: Record<string, number> = {};
  MONITOR_STATS_WINDOWS.forEach((hours, i) => {
    uptime[String(hours)] = uptimeRatio(windows[i]?.get(monitorId), currentlyUp);
  });
  return {
    uptime,
    avgPing: averagePing(windows[0]?.get(monitorId)),
    certInfo: state?.tlsInfo ? JSON.stringify(state.tlsInfo) : null,
  };
}
