import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

const INT8_OID = 20;

export interface PostgresDbOptions {
  connectionString: string;
  maxConnections?: number;
  /** Errors of idle pooled connections (e.g. the server restarted); they must not crash us. */
  onPoolError?: (error: Error) => void;
}

/**
 * A kysely instance on a `pg` pool. bigint columns (heartbeat ids, counts) are parsed as JS
 * numbers: they stay far below 2^53 and clients expect numbers on the wire. The parser is set
 * per pool, not globally, so nothing else in the process changes behaviour.
 */
export function createPostgresDb(options: PostgresDbOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
