import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new one. Kysely refuses
 * to open a transaction inside another, so every repository function that needs atomicity
 * goes through this: called alone it commits on its own, called from a larger unit of work
 * (a backup import) it commits or rolls back with that unit.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
