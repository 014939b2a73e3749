import { PGlite, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { PgliteDialect } from './pglite-dialect.js';

/**
 * A kysely instance on PGlite: in `dataDir` when given, else in memory (tests). bigint
 * columns become JS numbers, as on the `pg` pool (see createPostgresDb).
 */
export async function createPgliteDb(dataDir?: string): Promise<Kysely<Database>> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  return new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
}
