import { PGlite, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { PgliteDialect } from './pglite-dialect.js';

export interface PgliteDbOptions {
  /** Where the database lives; in memory when omitted (tests). */
  dataDir?: string;
  /** A `dumpDataDir()` archive to start from instead of an empty cluster (tests). */
  template?: Blob;
}

/** The PGlite behind a kysely instance, for the rare caller that needs PGlite itself. */
export interface PgliteDb {
  db: Kysely<Database>;
  pglite: PGlite;
}

/**
 * A kysely instance on PGlite. bigint columns become JS numbers, as on the `pg` pool (see
 * createPostgresDb).
 */
export async function openPglite(options: PgliteDbOptions = {}): Promise<PgliteDb> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.template,
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  return { pglite, db: new Kysely<Database>({ dialect: new PgliteDialect(pglite) }) };
}

export async function createPgliteDb(dataDir?: string): Promise<Kysely<Database>> {
  return (await openPglite({ dataDir })).db;
}
