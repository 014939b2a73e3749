import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import type { ServiceContext } from '../services/service-context.js';
import { listChartBuckets, type ChartBucket, type ChartTable } from './stats-repository.js';

const HOUR_MS = 3_600_000;

/** One point of the response-time chart (docs/protocol/monitors.md#getmonitorchartdata). */
export interface ChartPoint {
  /** The bucket's start, in Unix seconds (what uPlot and Kuma 2's chart read). */
  timestamp: number;
  up: number;
  down: number;
  avgPing: number | null;
  minPing: number | null;
  maxPing: number | null;
}

/**
 * The finest table that still holds the whole window (minutes 2 days, hours 32 days,
 * docs/protocol/monitoring.md#data-retention), so a chart has at most about 1,440 points.
 */
export function chartTableFor(periodHours: number): ChartTable {
  if (periodHours <= 48) return 'stat_minutely';
  if (periodHours <= 768) return 'stat_hourly';
  return 'stat_daily';
}

/**
 * `getMonitorChartData` (docs/protocol/monitors.md#getmonitorchartdata), a Watchpost event: the
 * monitor's aggregate buckets of the last `periodHours`, oldest first, never read from beats
 * (architecture rule 8). Another tenant's monitor answers like a missing one (architecture rule 1).
 */
export async function getMonitorChartData(
  ctx: ServiceContext,
  monitorId: number,
  periodHours: number,
  now: Date = new Date(),
): Promise<ChartPoint[]> {
  await assertOwnMonitor(ctx, monitorId);
  const since = new Date(now.getTime() - periodHours * HOUR_MS);
  const buckets = await listChartBuckets(
    ctx.db,
    ctx.tenantId,
    monitorId,
    chartTableFor(periodHours),
    since,
  );
  return buckets.map(toChartPoint);
}

function toChartPoint(b: ChartBucket): ChartPoint {
  return {
    timestamp: Math.floor(b.bucket.getTime() / 1000),
    up: b.up,
    down: b.down,
    avgPing: b.pingCount === 0 ? null : Math.round((b.pingSum / b.pingCount) * 100) / 100,
    minPing: b.pingMin,
    maxPing: b.pingMax,
  };
}
