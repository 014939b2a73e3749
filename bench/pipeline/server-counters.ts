// What a check costs Redis and Postgres in operations: Redis's command counters (INFO
// commandstats) and the benchmark database's row in pg_stat_database, read at both ends of
// the window. pg_stat_statements is usually not loaded, so Postgres work is counted in
// transactions (each statement outside a transaction is one) and rows written.
// Redis's counters are server-wide: on a shared Redis they include everyone's commands.
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@watchpost/core/db';

export interface ServerCounters {
  redisCommands: Map<string, number>;
  postgres: PostgresCounters | null;
}

export interface PostgresCounters {
  transactions: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  rowsFetched: number;
}

export async function readRedisCommands(redis: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match) calls.set(match[1]!, Number(match[2]));
  }
  return calls;
}

export async function readPostgresCounters(db: Kysely<Database>): Promise<PostgresCounters> {
  const { rows } = await sql<{
    transactions: string;
    inserted: string;
    updated: string;
    deleted: string;
    fetched: string;
  }>`
    SELECT xact_commit + xact_rollback AS transactions, tup_inserted AS inserted,
           tup_updated AS updated, tup_deleted AS deleted, tup_fetched AS fetched
    FROM pg_stat_database WHERE datname = current_database()
  `.execute(db);
  const row = rows[0]!;
  return {
    transactions: Number(row.transactions),
    rowsInserted: Number(row.inserted),
    rowsUpdated: Number(row.updated),
    rowsDeleted: Number(row.deleted),
    rowsFetched: Number(row.fetched),
  };
}

export interface CountersPerCheck {
  redisCommands: number;
  /**
   * The same work per second of the window: the part that does not grow with the checks (the
   * scheduler's tick, the workers' polling) weighs on the per-check figure when checks are few.
   */
  perSecond: { redisCommands: number; postgresTransactions: number | null };
  /** The most frequent Redis commands, per check. */
  redisTop: Record<string, number>;
  postgres: PostgresCounters | null;
}

export function countersPerCheck(
  start: ServerCounters,
  end: ServerCounters,
  checks: number,
  seconds: number,
): CountersPerCheck {
  const perCheck = (n: number) => Math.round((n / Math.max(1, checks)) * 1000) / 1000;
  const deltas = [...end.redisCommands]
    .map(([name, calls]) => [name, calls - (start.redisCommands.get(name) ?? 0)] as const)
    .filter(([, delta]) => delta > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = deltas.reduce((sum, [, delta]) => sum + delta, 0);
  const postgres =
    start.postgres && end.postgres
      ? {
          transactions: perCheck(end.postgres.transactions - start.postgres.transactions),
          rowsInserted: perCheck(end.postgres.rowsInserted - start.postgres.rowsInserted),
          rowsUpdated: perCheck(end.postgres.rowsUpdated - start.postgres.rowsUpdated),
          rowsDeleted: perCheck(end.postgres.rowsDeleted - start.postgres.rowsDeleted),
          rowsFetched: perCheck(end.postgres.rowsFetched - start.postgres.rowsFetched),
        }
      : null;
  return {
    redisCommands: perCheck(total),
    perSecond: {
      redisCommands: Math.round(total / seconds),
      postgresTransactions:
        start.postgres && end.postgres
          ? Math.round((end.postgres.transactions - start.postgres.transactions) / seconds)
          : null,
    },
    redisTop: Object.fromEntries(deltas.slice(0, 8).map(([name, d]) => [name, perCheck(d)])),
    postgres,
  };
}

/**
 * Size on disk and rows of the heartbeats (every partition, indexes and TOAST included) and
 * of the uptime aggregates (stat_minutely, stat_hourly, stat_daily).
 */
export async function measureHeartbeatStorage(
  db: Kysely<Database>,
): Promise<{ rows: number; bytes: number; statRows: number; statBytes: number }> {
  const { rows } = await sql<{
    rows: string;
    bytes: string;
    stat_rows: string;
    stat_bytes: string;
  }>`
    SELECT (SELECT count(*) FROM heartbeats) AS rows,
           (SELECT coalesce(sum(pg_total_relation_size(relid)), 0)
              FROM pg_partition_tree('heartbeats')) AS bytes,
           (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
              WHERE c.relkind = 'r' AND c.relname LIKE 'stat\\_%') AS stat_bytes,
           (SELECT (SELECT count(*) FROM stat_minutely) + (SELECT count(*) FROM stat_hourly)
                 + (SELECT count(*) FROM stat_daily)) AS stat_rows
  `.execute(db);
  const row = rows[0]!;
  return {
    rows: Number(row.rows),
    bytes: Number(row.bytes),
    statRows: Number(row.stat_rows),
    statBytes: Number(row.stat_bytes),
  };
}

/** The server processes serving the benchmark's database now (its connection pools). */
export async function findDatabaseBackends(db: Kysely<Database>): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()
  `.execute(db);
  return rows.map((r) => r.pid);
}
