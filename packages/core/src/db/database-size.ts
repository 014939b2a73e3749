import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * `getDatabaseSize` (docs/protocol/settings.md): the size of the whole database in bytes, on Postgres and on
 * PGlite alike (there it is the embedded data directory's database). Deliberately not a
 * per-tenant share: an exact share would mean scanning the tenant's history on every call
 * (architecture rule 8), and the total reveals nothing about any tenant's data, only the order of
 * magnitude of the installation.
 */
export async function getDatabaseSize(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{
    size: string;
  }>`SELECT pg_database_size(current_database())::text AS size`.execute(db);
  return Number(rows[0]?.size ?? 0);
}

const vacuumsRunning = new WeakMap<Kysely<Database>, Promise<void>>();

/**
 * `shrinkDatabase` (docs/protocol/settings.md): Kuma runs SQLite's VACUUM. A plain VACUUM (not FULL) is the
 * Postgres equivalent that locks nobody out; any tenant may ask, so concurrent requests on
 * one node share the run in progress instead of stacking up.
 */
export function vacuumDatabase(db: Kysely<Database>): Promise<void> {
  let running = vacuumsRunning.get(db);
  if (!running) {
    running = sql`VACUUM`
      .execute(db)
      .then(() => undefined)
      .finally(() => vacuumsRunning.delete(db));
    vacuumsRunning.set(db, running);
  }
  return running;
}
