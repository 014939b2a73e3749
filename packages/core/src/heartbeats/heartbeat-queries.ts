import { sql, type Kysely } from 'kysely';
import type { Database, HeartbeatRow } from '../db/database.js';

// Reads of a tenant's beats; every one takes the tenant scope (DESIGN rule 1).

/** The last `limit` beats of each monitor, oldest first per monitor (login burst, spec §2.5). */
export async function listLatestBeats(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
  limit: number,
  importantOnly = false,
): Promise<Map<number, HeartbeatRow[]>> {
  const byMonitor = new Map<number, HeartbeatRow[]>(monitorIds.map((id) => [id, []]));
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
  for (const row of rows) byMonitor.get(row.monitor_id)?.push(row);
  for (const list of byMonitor.values()) list.sort((a, b) => a.time.getTime() - b.time.getTime());
  return byMonitor;
}

/** Every beat of one monitor newer than `since`, oldest first (`getMonitorBeats`). */
export async function listBeatsSince(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  since: Date,
): Promise<HeartbeatRow[]> {
  return db
    .selectFrom('heartbeats')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('monitor_id', '=', monitorId)
    .where('time', '>', since)
    .orderBy('time', 'asc')
    .execute();
}
