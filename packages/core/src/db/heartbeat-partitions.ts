import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

const DAY_MS = 86_400_000;
const PARTITION_LOCK_KEY = 727_002;

function dayStart(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

function partitionName(day: Date): string {
  return `heartbeats_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/**
 * Makes sure a daily heartbeat partition exists for every UTC day from `from` through
 * `daysAhead` days later. Serialised by an advisory lock because two nodes racing on
 * CREATE TABLE IF NOT EXISTS can still collide in the catalog.
 */
export async function ensureHeartbeatPartitions(
  db: Kysely<Database>,
  from: Date,
  daysAhead: number,
): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${PARTITION_LOCK_KEY})`.execute(conn);
    try {
      const first = dayStart(from);
      for (let i = 0; i <= daysAhead; i++) {
        const start = new Date(first.getTime() + i * DAY_MS);
        const end = new Date(start.getTime() + DAY_MS);
        await sql
          .raw(
            `CREATE TABLE IF NOT EXISTS ${partitionName(start)} PARTITION OF heartbeats ` +
              `FOR VALUES FROM ('${start.toISOString()}') TO ('${end.toISOString()}')`,
          )
          .execute(conn);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${PARTITION_LOCK_KEY})`.execute(conn);
    }
  });
}

/** Drops whole daily partitions that end on or before `before`; returns their names. */
export async function dropHeartbeatPartitionsBefore(
  db: Kysely<Database>,
  before: Date,
): Promise<string[]> {
  const cutoff = partitionName(dayStart(before));
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'heartbeats' AND c.relname ~ '^heartbeats_p[0-9]{8}$'
  `.execute(db);
  const old = rows.map((r) => r.name).filter((name) => name < cutoff);
  for (const name of old) {
    await sql.raw(`DROP TABLE IF EXISTS ${name}`).execute(db);
  }
  return old;
}
