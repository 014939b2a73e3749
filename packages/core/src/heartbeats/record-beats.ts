import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { MonitorStatus } from '../monitors/monitor-status.js';
import type { TlsInfo } from '../checks/tls-info.js';
import { DAY_SINCE_MARGIN, MONTH_SINCE_MARGIN } from '../stats/window-counters.js';

/** One beat to persist together with the state it leaves its monitor in. */
export interface BeatToRecord {
  tenantId: number;
  monitorId: number;
  status: MonitorStatus;
  msg: string;
  time: Date;
  pingMs: number | null;
  durationSec: number;
  downCount: number;
  important: boolean;
  /** Retry counter after this beat. */
  retries: number;
  /**
   * When the monitor's next check is due; null keeps what is stored (a push to a monitor
   * whose own checks keep their schedule).
   */
  nextDueAt: Date | null;
  /** Latest certificate facts; undefined keeps what is stored. */
  tls?: TlsInfo;
  /**
   * The state machine's verdict that providers are to be told (a change or a resend): the
   * beat's deliveries are then written with it, one per linked notification, so an alert
   * exists exactly when its beat does.
   */
  notify?: boolean;
}

export interface RecordedBeat {
  id: number;
  monitorId: number;
}

/**
 * Persists a batch of beats in ONE statement (one round trip): the heartbeat rows, each
 * monitor's state row with its window counters (stats/window-counters.ts), the minute/hour/day
 * aggregates (architecture rule 8) and the notification
 * deliveries of beats that notify. Beats of monitors
 * that no longer exist in their tenant are dropped instead of failing the batch; the row
 * lock on each monitor keeps a concurrent delete from slipping in between.
 */
export async function recordBeats(
  db: Kysely<Database>,
  beats: readonly BeatToRecord[],
): Promise<RecordedBeat[]> {
  if (beats.length === 0) return [];
  const col = <T>(pick: (b: BeatToRecord) => T) => beats.map(pick);
  const { rows } = await sql<RecordedBeat>`
    WITH input AS (
      SELECT t.*, m.name AS monitor_name FROM unnest(
        ${col((b) => b.tenantId)}::int[],
        ${col((b) => b.monitorId)}::int[],
        ${col((b) => b.status)}::smallint[],
        ${col((b) => b.msg)}::text[],
        ${col((b) => b.time.toISOString())}::timestamptz[],
        ${col((b) => b.pingMs)}::float8[],
        ${col((b) => b.durationSec)}::int[],
        ${col((b) => b.downCount)}::int[],
        ${col((b) => b.important)}::bool[],
        ${col((b) => b.retries)}::int[],
        ${col((b) => b.nextDueAt?.toISOString() ?? null)}::timestamptz[],
        ${col((b) => (b.tls ? JSON.stringify(b.tls) : null))}::jsonb[],
        ${col((b) => b.notify === true)}::bool[]
      ) AS t(tenant_id, monitor_id, status, msg, time, ping, duration, down_count, important,
             retries, next_due_at, tls_info, notify)
      JOIN monitors m ON m.id = t.monitor_id AND m.tenant_id = t.tenant_id
      FOR KEY SHARE OF m
    ),
    inserted AS (
      INSERT INTO heartbeats (tenant_id, monitor_id, status, msg, time, ping, duration,
                              down_count, important)
      SELECT tenant_id, monitor_id, status, msg, time, ping, duration, down_count, important
      FROM input
      RETURNING id, monitor_id
    ),
    batch AS (
      -- Per monitor: what the batch adds to its window counters, and the latest *_since the
      -- counters may have and still take these beats (stats/window-counters.ts).
      SELECT monitor_id,
             count(*) FILTER (WHERE status IN (1, 3)) AS up,
             count(*) FILTER (WHERE status IN (0, 2)) AS down,
             coalesce(sum(ping), 0) AS ping_sum, count(ping) AS ping_count,
             min(date_trunc('minute', time, 'UTC')) - ${DAY_SINCE_MARGIN}::interval AS day_since,
             min(date_trunc('hour', time, 'UTC')) - ${MONTH_SINCE_MARGIN}::interval AS month_since
      FROM input GROUP BY monitor_id
    ),
    state AS (
      -- A new row starts its counters with the batch: no earlier beat of the monitor exists.
      INSERT INTO monitor_state (monitor_id, tenant_id, status, retries, down_count,
                                 last_beat_at, next_due_at, last_ping, last_msg, tls_info,
                                 updated_at, day_since, day_up, day_down, day_ping_sum,
                                 day_ping_count, month_since, month_up, month_down)
      SELECT DISTINCT ON (i.monitor_id) i.monitor_id, i.tenant_id, i.status, i.retries,
             i.down_count, i.time, i.next_due_at, i.ping, i.msg, i.tls_info, now(),
             b.day_since, b.up, b.down, b.ping_sum, b.ping_count, b.month_since, b.up, b.down
      FROM input i JOIN batch b USING (monitor_id) ORDER BY i.monitor_id, i.time DESC
      ON CONFLICT (monitor_id) DO UPDATE SET
        status = EXCLUDED.status,
        retries = EXCLUDED.retries,
        down_count = EXCLUDED.down_count,
        last_beat_at = EXCLUDED.last_beat_at,
        next_due_at = COALESCE(EXCLUDED.next_due_at, monitor_state.next_due_at),
        last_ping = EXCLUDED.last_ping,
        last_msg = EXCLUDED.last_msg,
        tls_info = COALESCE(EXCLUDED.tls_info, monitor_state.tls_info),
        updated_at = EXCLUDED.updated_at,
        -- Beats older than the counters allow leave *_since unknown (NULL): the next read
        -- sums the aggregates again (stats/window-counters.ts).
        day_since = CASE WHEN monitor_state.day_since <= EXCLUDED.day_since
                         THEN monitor_state.day_since END,
        day_up = monitor_state.day_up + EXCLUDED.day_up,
        day_down = monitor_state.day_down + EXCLUDED.day_down,
        day_ping_sum = monitor_state.day_ping_sum + EXCLUDED.day_ping_sum,
        day_ping_count = monitor_state.day_ping_count + EXCLUDED.day_ping_count,
        month_since = CASE WHEN monitor_state.month_since <= EXCLUDED.month_since
                           THEN monitor_state.month_since END,
        month_up = monitor_state.month_up + EXCLUDED.month_up,
        month_down = monitor_state.month_down + EXCLUDED.month_down
    ),
    deliveries AS (
      INSERT INTO notification_deliveries (tenant_id, notification_id, monitor_id, monitor_name,
                                           kind, beat)
      SELECT i.tenant_id, mn.notification_id, i.monitor_id, i.monitor_name, 'beat',
             jsonb_build_object('status', i.status, 'msg', i.msg, 'time', i.time,
                                'ping', i.ping, 'duration', i.duration,
                                'important', i.important)
      FROM input i
      JOIN monitor_notifications mn ON mn.monitor_id = i.monitor_id AND mn.tenant_id = i.tenant_id
      WHERE i.notify
    ),
    ${statUpsert('stat_minutely', 'minute')},
    ${statUpsert('stat_hourly', 'hour')},
    ${statUpsert('stat_daily', 'day')}
    SELECT id, monitor_id AS "monitorId" FROM inserted
  `.execute(db);
  return rows;
}

function statUpsert(table: 'stat_minutely' | 'stat_hourly' | 'stat_daily', unit: string) {
  // Pre-aggregated per bucket so one statement never touches the same row twice; buckets are
  // cut in UTC whatever the session time zone is.
  return sql.raw(`
    ${table}_upsert AS (
      INSERT INTO ${table} AS s (monitor_id, tenant_id, bucket, up, down, ping_sum, ping_count,
                                 ping_min, ping_max)
      SELECT monitor_id, tenant_id, date_trunc('${unit}', time, 'UTC'),
             count(*) FILTER (WHERE status IN (1, 3)),
             count(*) FILTER (WHERE status IN (0, 2)),
             coalesce(sum(ping), 0), count(ping), min(ping), max(ping)
      FROM input GROUP BY 1, 2, 3
      ON CONFLICT (monitor_id, bucket) DO UPDATE SET
        up = s.up + EXCLUDED.up,
        down = s.down + EXCLUDED.down,
        ping_sum = s.ping_sum + EXCLUDED.ping_sum,
        ping_count = s.ping_count + EXCLUDED.ping_count,
        ping_min = LEAST(s.ping_min, EXCLUDED.ping_min),
        ping_max = GREATEST(s.ping_max, EXCLUDED.ping_max)
    )`);
}
