import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { getWindowStatsFor } from './stats-repository.js';
import type { MonitorRef, WindowStats } from './window-stats.js';

// Rolling counters behind the statistics pushes that follow every beat (`avgPing`, `uptime` 24 h
// and 720 h). getWindowStatsFor sums up to 84 + 54 aggregate rows per monitor; doing that after
// every beat batch was most of the database's work. Instead each monitor's state row keeps, per
// window, the sums over the aggregate buckets from `*_since` on:
//
// - the beat write (record-beats.ts) adds each batch to them in its one statement, so counters
//   and aggregates change together and any snapshot sees them agree, whichever worker wrote;
// - a read takes the window's start S and corrects the counters by the few buckets between
//   `*_since` and S (at most an hour of minute buckets, a day of hour buckets); every few
//   minutes it also moves `*_since` up to S, so the correction stays a handful of rows;
// - `*_since` NULL (new rows, cleared statistics, beats older than the counters allow) or too
//   far from S (nobody read for a while) means the read sums the aggregates once, as
//   getWindowStatsFor does, and starts the counters over from there.
//
// The windows are exactly getWindowStatsFor's: that one counts the buckets starting at or after
// now − hours (minute buckets for 24 h, hour buckets for 720 h), which is every bucket from the
// window start rounded up to the bucket.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How far behind a batch's first bucket `day_since` may be for the batch to be counted: a beat
 * that old or older (never, unless a worker held it for a day) makes the counters start over.
 * The margin keeps such beats away from the buckets a read is moving `day_since` across, so that
 * move never races with a write into them.
 */
export const DAY_SINCE_MARGIN = '1 hour';
export const MONTH_SINCE_MARGIN = '1 day';

interface Window {
  hours: 24 | 720;
  bucketMs: number;
  /** Farthest `*_since` from the start that is corrected row by row rather than summed again. */
  reachMs: number;
  /** How far behind the start `*_since` may lag before a read moves it. */
  moveAfterMs: number;
}

const DAY: Window = {
  hours: 24,
  bucketMs: MINUTE_MS,
  reachMs: HOUR_MS,
  moveAfterMs: 5 * MINUTE_MS,
};
const MONTH: Window = { hours: 720, bucketMs: HOUR_MS, reachMs: DAY_MS, moveAfterMs: 3 * HOUR_MS };

/** The first bucket a window counts at `now`: its start rounded up to its bucket size. */
export function windowStart(window: { hours: number; bucketMs: number }, now: Date): Date {
  const start = now.getTime() - window.hours * HOUR_MS;
  return new Date(Math.ceil(start / window.bucketMs) * window.bucketMs);
}

/** Both windows' statistics of a monitor, as its pushes need them. */
export interface MonitorWindows {
  day: WindowStats;
  month: WindowStats;
}

interface CounterRow {
  monitor_id: number;
  day_since: Date | null;
  day_up: number;
  day_down: number;
  day_ping_sum: number;
  day_ping_count: number;
  month_since: Date | null;
  month_up: number;
  month_down: number;
  d_up: number;
  d_down: number;
  d_ping_sum: number;
  d_ping_count: number;
  m_up: number;
  m_down: number;
}

/**
 * The 24 h and 720 h statistics of each monitor at `now`, from its counters: one statement for
 * the whole batch, reading the state row and the buckets between `*_since` and the window start.
 * Monitors whose counters cannot serve are summed from the aggregates once, in a second step.
 * Monitors not in their tenant (or deleted) are missing from the answer.
 */
export async function readWindowCounters(
  db: Kysely<Database>,
  refs: readonly MonitorRef[],
  now: Date = new Date(),
): Promise<Map<number, MonitorWindows>> {
  const result = new Map<number, MonitorWindows>();
  // A batch names a monitor once per beat; its windows are read once.
  const byId = new Map(refs.map((r) => [r.monitorId, r]));
  if (byId.size === 0) return result;
  const ds = windowStart(DAY, now);
  const ms = windowStart(MONTH, now);
  const rows = await readAndMoveCounters(db, [...byId.values()], ds, ms);
  const stale: StaleCounters[] = [];
  for (const row of rows) {
    const ref = byId.get(row.monitor_id);
    if (!ref) continue;
    const day = correctedDay(row, ds);
    const month = correctedMonth(row, ms);
    if (day && month) result.set(row.monitor_id, { day, month });
    else stale.push({ ref, day, month });
  }
  if (stale.length > 0) {
    for (const [id, windows] of await restartCounters(db, stale, now, ds, ms)) {
      result.set(id, windows);
    }
  }
  return result;
}

/** Within reach: `since` is a date at most `reachMs` from the window start either way. */
function withinReach(since: Date | null, start: Date, window: Window): since is Date {
  return since !== null && Math.abs(since.getTime() - start.getTime()) <= window.reachMs;
}

/** The buckets between `since` and the start are taken off when since is earlier, else added. */
function sign(since: Date, start: Date): number {
  return since.getTime() < start.getTime() ? -1 : 1;
}

function correctedDay(row: CounterRow, ds: Date): WindowStats | null {
  if (!withinReach(row.day_since, ds, DAY)) return null;
  const s = sign(row.day_since, ds);
  return {
    up: Number(row.day_up) + s * Number(row.d_up),
    down: Number(row.day_down) + s * Number(row.d_down),
    pingSum: Number(row.day_ping_sum) + s * Number(row.d_ping_sum),
    pingCount: Number(row.day_ping_count) + s * Number(row.d_ping_count),
  };
}

function correctedMonth(row: CounterRow, ms: Date): WindowStats | null {
  if (!withinReach(row.month_since, ms, MONTH)) return null;
  const s = sign(row.month_since, ms);
  // The 720 h window feeds `uptime` only; its pings are never pushed.
  return {
    up: Number(row.month_up) + s * Number(row.m_up),
    down: Number(row.month_down) + s * Number(row.m_down),
    pingSum: 0,
    pingCount: 0,
  };
}

/**
 * Reads the counters and the buckets between `*_since` and each window start, and in the same
 * statement moves `*_since` of counters lagging more than `moveAfterMs` (within reach) up to the
 * start, taking those buckets off. The move applies a difference to the row as it is when
 * locked and only if `*_since` is still what was read, so beats written meanwhile are kept and
 * two readers never take the same buckets off twice. Rows another transaction holds are skipped
 * (SKIP LOCKED): moving is only housekeeping, the next read does it.
 */
async function readAndMoveCounters(
  db: Kysely<Database>,
  refs: readonly MonitorRef[],
  ds: Date,
  ms: Date,
): Promise<CounterRow[]> {
  const dayFrom = new Date(ds.getTime() - DAY.reachMs).toISOString();
  const dayBefore = new Date(ds.getTime() - DAY.moveAfterMs).toISOString();
  const monthFrom = new Date(ms.getTime() - MONTH.reachMs).toISOString();
  const monthBefore = new Date(ms.getTime() - MONTH.moveAfterMs).toISOString();
  const dayTo = new Date(ds.getTime() + DAY.reachMs).toISOString();
  const monthTo = new Date(ms.getTime() + MONTH.reachMs).toISOString();
  // Evaluated on the row as locked: moved only if no other reader moved it since it was read.
  const moveDay = sql`(cur.move_day AND s.day_since = cur.day_since)`;
  const moveMonth = sql`(cur.move_month AND s.month_since = cur.month_since)`;
  const { rows } = await sql<CounterRow>`
    WITH ref AS (
      SELECT * FROM unnest(${refs.map((r) => r.monitorId)}::int[],
                           ${refs.map((r) => r.tenantId)}::int[]) AS r(monitor_id, tenant_id)
    ),
    cur AS (
      SELECT s.monitor_id, s.day_since, s.day_up, s.day_down, s.day_ping_sum, s.day_ping_count,
             s.month_since, s.month_up, s.month_down,
             d.up AS d_up, d.down AS d_down, d.ping_sum AS d_ping_sum,
             d.ping_count AS d_ping_count, m.up AS m_up, m.down AS m_down,
             s.day_since BETWEEN ${dayFrom}::timestamptz AND ${dayBefore}::timestamptz
               AS move_day,
             s.month_since BETWEEN ${monthFrom}::timestamptz AND ${monthBefore}::timestamptz
               AS move_month
      FROM ref
      JOIN monitor_state s ON s.monitor_id = ref.monitor_id AND s.tenant_id = ref.tenant_id
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(b.up), 0)::int8 AS up, coalesce(sum(b.down), 0)::int8 AS down,
               coalesce(sum(b.ping_sum), 0)::float8 AS ping_sum,
               coalesce(sum(b.ping_count), 0)::int8 AS ping_count
        FROM stat_minutely b
        WHERE b.monitor_id = s.monitor_id AND b.tenant_id = s.tenant_id
          AND b.bucket >= least(s.day_since, ${ds.toISOString()}::timestamptz)
          AND b.bucket < greatest(s.day_since, ${ds.toISOString()}::timestamptz)
          AND s.day_since BETWEEN ${dayFrom}::timestamptz AND ${dayTo}::timestamptz
      ) d
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(b.up), 0)::int8 AS up, coalesce(sum(b.down), 0)::int8 AS down
        FROM stat_hourly b
        WHERE b.monitor_id = s.monitor_id AND b.tenant_id = s.tenant_id
          AND b.bucket >= least(s.month_since, ${ms.toISOString()}::timestamptz)
          AND b.bucket < greatest(s.month_since, ${ms.toISOString()}::timestamptz)
          AND s.month_since BETWEEN ${monthFrom}::timestamptz AND ${monthTo}::timestamptz
      ) m
    ),
    locked AS (
      SELECT s.monitor_id FROM monitor_state s JOIN cur USING (monitor_id)
      WHERE cur.move_day OR cur.move_month
      ORDER BY s.monitor_id
      FOR NO KEY UPDATE OF s SKIP LOCKED
    ),
    moved AS (
      UPDATE monitor_state s SET
        day_since = CASE WHEN ${moveDay} THEN ${ds.toISOString()}::timestamptz
                         ELSE s.day_since END,
        day_up = CASE WHEN ${moveDay} THEN s.day_up - cur.d_up ELSE s.day_up END,
        day_down = CASE WHEN ${moveDay} THEN s.day_down - cur.d_down ELSE s.day_down END,
        day_ping_sum = CASE WHEN ${moveDay} THEN s.day_ping_sum - cur.d_ping_sum
                            ELSE s.day_ping_sum END,
        day_ping_count = CASE WHEN ${moveDay} THEN s.day_ping_count - cur.d_ping_count
                              ELSE s.day_ping_count END,
        month_since = CASE WHEN ${moveMonth} THEN ${ms.toISOString()}::timestamptz
                           ELSE s.month_since END,
        month_up = CASE WHEN ${moveMonth} THEN s.month_up - cur.m_up ELSE s.month_up END,
        month_down = CASE WHEN ${moveMonth} THEN s.month_down - cur.m_down ELSE s.month_down END
      FROM cur JOIN locked USING (monitor_id)
      WHERE s.monitor_id = cur.monitor_id AND (${moveDay} OR ${moveMonth})
    )
    SELECT monitor_id, day_since, day_up, day_down, day_ping_sum, day_ping_count,
           month_since, month_up, month_down, d_up, d_down, d_ping_sum, d_ping_count,
           m_up, m_down
    FROM cur
  `.execute(db);
  return rows.map((r) => ({
    ...r,
    day_since: r.day_since === null ? null : new Date(r.day_since),
    month_since: r.month_since === null ? null : new Date(r.month_since),
  }));
}

/** A monitor with a window its counters cannot serve (null), and the other as read. */
interface StaleCounters {
  ref: MonitorRef;
  day: WindowStats | null;
  month: WindowStats | null;
}

/**
 * Sums the windows the counters could not serve from the aggregates (getWindowStatsFor, the
 * definition) and starts those counters over from the window start. The state rows are locked
 * first and summed in a later statement, so every beat is either in that sum (committed
 * before) or added by its own write to the restarted counters (blocked on the lock until after).
 */
async function restartCounters(
  db: Kysely<Database>,
  stale: readonly StaleCounters[],
  now: Date,
  ds: Date,
  ms: Date,
): Promise<Map<number, MonitorWindows>> {
  return db.transaction().execute(async (trx) => {
    const ids = stale.map((s) => s.ref.monitorId);
    const tenants = stale.map((s) => s.ref.tenantId);
    await sql`
      SELECT s.monitor_id FROM monitor_state s
      JOIN unnest(${ids}::int[], ${tenants}::int[]) AS r(monitor_id, tenant_id)
        USING (monitor_id, tenant_id)
      ORDER BY s.monitor_id FOR NO KEY UPDATE OF s
    `.execute(trx);
    const [day, month] = await Promise.all([
      getWindowStatsFor(
        trx,
        stale.filter((s) => !s.day).map((s) => s.ref),
        DAY.hours,
        now,
      ),
      getWindowStatsFor(
        trx,
        stale.filter((s) => !s.month).map((s) => s.ref),
        MONTH.hours,
        now,
      ),
    ]);
    const windows = stale.map(({ ref, ...read }) => {
      const monthly = read.month ?? month.get(ref.monitorId) ?? NO_SAMPLES;
      return {
        day: read.day ?? day.get(ref.monitorId) ?? NO_SAMPLES,
        // The 720 h window feeds `uptime` only.
        month: { ...NO_SAMPLES, up: monthly.up, down: monthly.down },
      };
    });
    const of = <T>(pick: (w: MonitorWindows, i: number) => T) => windows.map(pick);
    await sql`
      UPDATE monitor_state s SET
        day_since = CASE WHEN v.day THEN ${ds.toISOString()}::timestamptz ELSE s.day_since END,
        day_up = CASE WHEN v.day THEN v.day_up ELSE s.day_up END,
        day_down = CASE WHEN v.day THEN v.day_down ELSE s.day_down END,
        day_ping_sum = CASE WHEN v.day THEN v.day_ping_sum ELSE s.day_ping_sum END,
        day_ping_count = CASE WHEN v.day THEN v.day_ping_count ELSE s.day_ping_count END,
        month_since = CASE WHEN v.month THEN ${ms.toISOString()}::timestamptz
                           ELSE s.month_since END,
        month_up = CASE WHEN v.month THEN v.month_up ELSE s.month_up END,
        month_down = CASE WHEN v.month THEN v.month_down ELSE s.month_down END
      FROM unnest(${ids}::int[], ${tenants}::int[],
                  ${of((_, i) => !stale[i]?.day)}::bool[], ${of((w) => w.day.up)}::int[],
                  ${of((w) => w.day.down)}::int[], ${of((w) => w.day.pingSum)}::float8[],
                  ${of((w) => w.day.pingCount)}::int[],
                  ${of((_, i) => !stale[i]?.month)}::bool[], ${of((w) => w.month.up)}::int[],
                  ${of((w) => w.month.down)}::int[])
        AS v(monitor_id, tenant_id, day, day_up, day_down, day_ping_sum, day_ping_count,
             month, month_up, month_down)
      WHERE s.monitor_id = v.monitor_id AND s.tenant_id = v.tenant_id
    `.execute(trx);
    return new Map(windows.map((w, i) => [ids[i] as number, w]));
  });
}

const NO_SAMPLES: WindowStats = { up: 0, down: 0, pingSum: 0, pingCount: 0 };
