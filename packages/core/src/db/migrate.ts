import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/** The repository's `migrations/` folder, the same from `src/db` and `dist/db`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations/', import.meta.url));

/** `NNNN_verb_noun.sql`: the files that are migrations. */
export const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

// Any constant works; it only has to be the same on every node.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies every `NNNN_*.sql` file not yet recorded, in name order, each in its own
 * transaction. A session-level advisory lock makes concurrent starts of several nodes safe:
 * the first applies, the others wait and then find nothing left to do.
 */
export async function runMigrations(
  db: Kysely<Database>,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(conn);
      const done = new Set(
        (await conn.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
      );
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const text = await readFile(`${dir}/${file}`, 'utf8');
        await conn.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await trx.insertInto('schema_migrations').values({ name: file }).execute();
        });
        applied.push(file);
      }
      return applied;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
