import { sql } from 'kysely';
import type { OpenDatabase } from '../db/open-database.js';
import { requireCurrentSchema } from '../db/schema-version.js';
import type { HealthProbe } from '../runtime/readiness.js';

/**
 * Readiness of the kit's database: it answers, and at the schema this build ships (a newer
 * build may have migrated it since this process started). Until the role's database has
 * opened (the role still waits for Postgres or the schema) both fail at once.
 */
export function databaseProbes(
  opened: () => OpenDatabase | undefined,
  build: number,
): Record<'database' | 'schema', HealthProbe> {
  const db = () => {
    const open = opened();
    if (!open) throw new Error('the database is not open yet');
    return open.db;
  };
  return {
    database: async () => sql`select 1`.execute(db()),
    schema: async () => requireCurrentSchema(db(), build),
  };
}
