import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { MonitorRef, WindowStats } from './window-stats.js';

const HOUR_MS = 3_600_000;

/**
 * Sums the aggregates of each of a tenant's monitors over the last `hours` hours without
 * touching heartbeats (architecture rule 8).
 */
export function getWindowStats(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  hours: number,
  now: Date = new Date(),
): Promise<Map<number, WindowStats>> {
  return getWindowStatsFor(
    db,
    monitorIds.map((monitorId) => ({ monitorId, tenantId })),
    hours,
    now,
  );
}

/**
 * The same for monitors of any tenants, each named with its own tenant (a worker's batch
 * mixes tenants; one query serves them all). The window is exact to the minute: the ragged
 * start is read from finer buckets, the rest from coarse ones, so a 24 h window reads ≤ 84
 * rows and a 720 h window ≤ 54 rows per monitor, whatever the check interval.
 */
export async function getWindowStatsFor(
  db: Kysely<Database>,
  refs: readonly MonitorRef[],
  hours: number,
  now: Date = new Date(),
): Promise<Map<number, WindowStats>> {
  const result = new Map<number, WindowStats>();
  if (refs.length === 0) return result;
  const start = new Date(now.getTime() - hours * HOUR_MS);
  // Short windows: minutes up to the first full hour, then hours. Long windows (> 48 h):
  // hours up to the first full day, then days.
  const [fine, coarse, unit] =
    hours > 48
      ? (['stat_hourly', 'stat_daily', 'day'] as const)
      : (['stat_minutely', 'stat_hourly', 'hour'] as const);
  const { rows } = await sql<{
    monitor_id: number;
    up: number;
    down: number;
    ping_sum: number;
    ping_count: number;
  }>`
    WITH bounds AS (
      SELECT ${start.toISOString()}::timestamptz AS start,
             date_trunc(${unit}, ${start.toISOString()}::timestamptz, 'UTC')
               + ${'1 ' + unit}::interval AS edge
    ),
    ref AS (
      SELECT * FROM unnest(${refs.map((r) => r.monitorId)}::int[],
                           ${refs.map((r) => r.tenantId)}::int[]) AS r(monitor_id, tenant_id)
    ),
    buckets AS (
      SELECT s.monitor_id, s.up, s.down, s.ping_sum, s.ping_count
      FROM ref JOIN ${sql.table(fine)} s USING (monitor_id, tenant_id), bounds b
      WHERE s.bucket >= b.start AND s.bucket < b.edge
      UNION ALL
      SELECT s.monitor_id, s.up, s.down, s.ping_sum, s.ping_count
      FROM ref JOIN ${sql.table(coarse)} s USING (monitor_id, tenant_id), bounds b
      WHERE s.bucket >= b.edge
    )
    SELECT monitor_id, sum(up)::int8 AS up, sum(down)::int8 AS down,
           sum(ping_sum)::float8 AS ping_sum, sum(ping_count)::int8 AS ping_count
    FROM buckets GROUP BY monitor_id
  `.execute(db);
  for (const r of rows) {
    result.set(r.monitor_id, {
      up: Number(r.up),
      down: Number(r.down),
      pingSum: Number(r.ping_sum),
      pingCount: Number(r.ping_count),
    });
  }
  return result;
}

/** Which aggregate table a chart of `hours` reads; each keeps its buckets long enough. */
export type ChartTable = 'stat_minutely' | 'stat_hourly' | 'stat_daily';

/** One aggregate bucket as a chart draws it. */
export interface ChartBucket {
  bucket: Date;
  up: number;
  down: number;
  pingSum: number;
  pingCount: number;
  pingMin: number | null;
  pingMax: number | null;
}

/** The monitor's buckets of one table from `since` on, oldest first (architecture rule 8). */
export async function listChartBuckets(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  table: ChartTable,
  since: Date,
): Promise<ChartBucket[]> {
  const rows = await db
    .selectFrom(table)
    .select(['bucket', 'up', 'down', 'ping_sum', 'ping_count', 'ping_min', 'ping_max'])
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where('bucket', '>=', since)
    .orderBy('bucket', 'asc')
    .execute();
  return rows.map((r) => ({
    bucket: new Date(r.bucket),
    up: Number(r.up),
    down: Number(r.down),
    pingSum: Number(r.ping_sum),
    pingCount: Number(r.ping_count),
    pingMin: r.ping_min === null ? null : Number(r.ping_min),
    pingMax: r.ping_max === null ? null : Number(r.ping_max),
  }));
}
