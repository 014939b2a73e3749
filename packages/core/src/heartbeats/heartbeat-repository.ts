import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, HeartbeatRow } from '../db/database.js';
import type { BeatFields } from './heartbeat-wire.js';
import { HEARTBEAT_ROW_JSON, IMPORTANT_HEARTBEAT_JSON } from './heartbeat-wire-sql.js';

// A tenant's beats; every function takes the tenant scope (architecture rule 1). Recording a batch
// (the workers' hot path) keeps its own file and is re-exported here.
export { recordBeats } from './record-beats.js';

/** A stored beat, as reads answer it. */
export type StoredBeat = BeatFields & { id: number };

/** The last `limit` beats of each monitor, oldest first per monitor (login burst, docs/protocol/authentication.md#post-login-burst). */
export async function listLatestBeats(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
  importantOnly = false,
): Promise<Map<number, StoredBeat[]>> {
  const byMonitor = new Map<number, StoredBeat[]>(monitorIds.map((id) => [id, []]));
  if (monitorIds.length === 0) return byMonitor;
  const { rows } = await sql<HeartbeatRow>`
    SELECT h.* FROM unnest(${[...monitorIds]}::int[]) AS m(id)
    CROSS JOIN LATERAL (
      SELECT * FROM heartbeats
      WHERE monitor_id = m.id AND tenant_id = ${tenantId}
        AND (${!importantOnly} OR important)
      ORDER BY time DESC LIMIT ${limit}
    ) h
  `.execute(db);
  for (const row of rows) byMonitor.get(row.monitor_id)?.push(toStoredBeat(row));
  for (const list of byMonitor.values()) list.sort((a, b) => a.time.getTime() - b.time.getTime());
  return byMonitor;
}

/**
 * Each monitor's last `limit` beats, oldest first, as the JSON text of the login burst's
 * `heartbeatList` argument (docs/protocol/authentication.md#post-login-burst step 9): `[]`
 * without beats. Written by the database (see heartbeat-wire-sql.ts), one indexed read of at
 * most `limit` rows per monitor.
 */
export function listLatestBeatsJson(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
): Promise<Map<number, string>> {
  return latestBeatsJson(db, tenantId, monitorIds, limit, {
    importantOnly: false,
    json: HEARTBEAT_ROW_JSON,
    order: sql`ORDER BY h.time`,
  });
}

/**
 * Each monitor's last `limit` important beats, newest first, as the JSON text of the login
 * burst's `importantHeartbeatList` argument (step 10): `[]` without any.
 */
export function listLatestImportantBeatsJson(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
): Promise<Map<number, string>> {
  return latestBeatsJson(db, tenantId, monitorIds, limit, {
    importantOnly: true,
    json: IMPORTANT_HEARTBEAT_JSON,
    order: sql`ORDER BY h.time DESC`,
  });
}

/** The one read behind both lists: each monitor's latest beats, joined into a JSON array. */
async function latestBeatsJson(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
  list: { importantOnly: boolean; json: RawBuilder<unknown>; order: RawBuilder<unknown> },
): Promise<Map<number, string>> {
  if (monitorIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; beats: string | null }>`
    SELECT m.id, (
      SELECT string_agg(${list.json}, ',' ${list.order})
      FROM (
        SELECT * FROM heartbeats
        WHERE monitor_id = m.id AND tenant_id = ${tenantId}${list.importantOnly ? sql` AND important` : sql``}
        ORDER BY time DESC LIMIT ${limit}
      ) h
    ) AS beats
    FROM unnest(${[...monitorIds]}::int[]) AS m(id)
  `.execute(db);
  return new Map(rows.map((r) => [r.id, `[${r.beats ?? ''}]`]));
}

/**
 * The statuses of each monitor's latest `limit` beats, oldest first, one digit each (`"1101"`,
 * `""` without beats): the lean burst's bars, built in the database so that 5,000 monitors
 * cost 5,000 short strings instead of 200,000 beat rows.
 */
export async function listLatestStatusStrips(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
): Promise<Map<number, string>> {
  if (monitorIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; statuses: string }>`
    SELECT m.id, coalesce(string_agg(h.status::text, '' ORDER BY h.time), '') AS statuses
    FROM unnest(${[...monitorIds]}::int[]) AS m(id)
    LEFT JOIN LATERAL (
      SELECT status, time FROM heartbeats
      WHERE monitor_id = m.id AND tenant_id = ${tenantId}
      ORDER BY time DESC LIMIT ${limit}
    ) h ON true
    GROUP BY m.id
  `.execute(db);
  return new Map(rows.map((row) => [row.id, row.statuses]));
}

/** One page of a monitor's beats: at most `limit`, older than the beat `beforeId` when given. */
export interface BeatPage {
  limit: number;
  beforeId?: number;
}

/**
 * The newest `page.limit` beats of one monitor newer than `since` (and older than the beat
 * `page.beforeId`), answered oldest first (`getMonitorBeats`). Ordered by time, then id, so a
 * cursor never skips or repeats beats that share a millisecond.
 */
export async function listBeatsSince(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  since: Date,
  page: BeatPage,
): Promise<StoredBeat[]> {
  let query = db
    .selectFrom('heartbeats')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where('time', '>', since);
  if (page.beforeId !== undefined) {
    // The cursor beat must be this monitor's and inside the window; any other id matches
    // nothing, so the page is empty rather than another monitor's.
    const cursor = db
      .selectFrom('heartbeats')
      .select(['time', 'id'])
      .where('id', '=', page.beforeId)
      .where('tenant_id', '=', tenantId)
      .where('monitor_id', '=', monitorId)
      .where('time', '>', since);
    query = query.where(sql<boolean>`(time, id) < (${cursor})`);
  }
  const rows = await query
    .orderBy('time', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.reverse().map(toStoredBeat);
}

/** How many important beats the monitor has (the monitor page's event list). */
export async function countImportantBeats(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<number> {
  const row = await db
    .selectFrom('heartbeats')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where('important', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One page of the monitor's important beats, newest first (reads heartbeats_important_idx). */
export async function listImportantBeatsPage(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  page: { offset: number; limit: number },
): Promise<StoredBeat[]> {
  const rows = await db
    .selectFrom('heartbeats')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where('important', '=', true)
    .orderBy('time', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map(toStoredBeat);
}

function toStoredBeat(row: HeartbeatRow): StoredBeat {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    status: row.status,
    msg: row.msg,
    time: row.time,
    pingMs: row.ping,
    durationSec: row.duration,
    downCount: row.down_count,
    important: row.important,
  };
}

// The "clear" actions of docs/protocol/monitors.md, scoped to one tenant (upstream checks no ownership; here
// another tenant's monitor id clears nothing). Uptime and average ping come from the stat_*
// aggregates (architecture rule 8), so whatever removes beats removes the buckets they were summed
// into in the same transaction: cleared history must not live on in the uptime.

const STAT_TABLES = ['stat_minutely', 'stat_hourly', 'stat_daily'] as const;

// The window counters summed the deleted buckets: unknown (NULL) makes the next read sum the
// remaining aggregates again (stats/window-counters.ts). Updated after the deletes, so a beat
// written meanwhile is either deleted with its buckets or summed by that read.
const FORGOTTEN_COUNTERS = {
  day_since: null,
  day_up: 0,
  day_down: 0,
  day_ping_sum: 0,
  day_ping_count: 0,
  month_since: null,
  month_up: 0,
  month_down: 0,
} as const;

/** `clearEvents`: the monitor's beats stay but lose their message and importance. */
export async function clearMonitorEvents(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  // Status is untouched, so the aggregates stay true.
  await db
    .updateTable('heartbeats')
    .set({ msg: '', important: false })
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where((eb) => eb.or([eb('important', '=', true), eb('msg', '!=', '')]))
    .execute();
}

/** `clearHeartbeats`: every beat of the monitor, and its aggregates. */
export async function clearMonitorHeartbeats(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('heartbeats')
      .where('tenant_id', '=', tenantId)
      .where('monitor_id', '=', monitorId)
      .execute();
    for (const table of STAT_TABLES) {
      await trx
        .deleteFrom(table)
        .where('tenant_id', '=', tenantId)
        .where('monitor_id', '=', monitorId)
        .execute();
    }
    await trx
      .updateTable('monitor_state')
      .set(FORGOTTEN_COUNTERS)
      .where('tenant_id', '=', tenantId)
      .where('monitor_id', '=', monitorId)
      .execute();
  });
}

/** `clearStatistics`: every beat and aggregate of every monitor of the tenant. */
export async function clearTenantStatistics(db: Kysely<Database>, tenantId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('heartbeats').where('tenant_id', '=', tenantId).execute();
    for (const table of STAT_TABLES) {
      await trx.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
    }
    await trx
      .updateTable('monitor_state')
      .set(FORGOTTEN_COUNTERS)
      .where('tenant_id', '=', tenantId)
      .execute();
  });
}
