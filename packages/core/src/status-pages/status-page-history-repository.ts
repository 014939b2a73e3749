import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { INCIDENT_COLUMNS, toIncident } from './status-page-row.js';
import type { Incident } from './status-page.js';

// The long view of a public page: days of uptime from the daily aggregates (architecture
// rule 8: never a scan of heartbeats) and the incidents the owner posted, pinned or not.

const DAY_MS = 86_400_000;

/** One UTC day of one monitor: its checks counted as up (UP, MAINTENANCE) and as down. */
export interface DayStats {
  /** Midnight UTC that starts the day. */
  day: Date;
  up: number;
  down: number;
}

/** Midnight UTC of the day `days - 1` days before `now`'s, so that `days` days end today. */
export function historyStart(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
}

/** The daily aggregates of a tenant's monitors from `since` on, per monitor, oldest first. */
export async function listDailyStats(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  since: Date,
): Promise<Map<number, DayStats[]>> {
  const result = new Map<number, DayStats[]>();
  if (monitorIds.length === 0) return result;
  const rows = await db
    .selectFrom('stat_daily')
    .select(['monitor_id', 'bucket', 'up', 'down'])
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', 'in', monitorIds)
    .where('bucket', '>=', since)
    .orderBy('monitor_id')
    .orderBy('bucket')
    .execute();
  for (const row of rows) {
    let days = result.get(row.monitor_id);
    if (!days) result.set(row.monitor_id, (days = []));
    days.push({ day: new Date(row.bucket), up: row.up, down: row.down });
  }
  return result;
}

/** The page's incidents created from `since` on, newest first, at most `limit`. */
export async function listPageIncidents(
  db: Kysely<Database>,
  tenantId: number,
  pageId: number,
  { since, limit }: { since?: Date; limit: number },
): Promise<Incident[]> {
  let query = db
    .selectFrom('incidents')
    .select(INCIDENT_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('status_page_id', '=', pageId);
  if (since) query = query.where('created_at', '>=', since);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIncident);
}
