import { readdirSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { StartupError } from '../errors/startup-error.js';
import type { Database } from './database.js';
import { MIGRATIONS_DIR, MIGRATION_FILE } from './migrate.js';

/**
 * A schema version is the number of the newest migration applied (`0017` for
 * `0017_create_x.sql`). Migrations run in name order, each in its own transaction, so a
 * database at version N holds every migration up to N.
 */
export type SchemaVersion = number;

/** Where a database stands against the schema this build was made for. */
export type SchemaStanding = 'current' | 'behind' | 'ahead';

/** The version of a set of migration file names: the highest number among them, 0 if none. */
export function schemaVersionOf(fileNames: Iterable<string>): SchemaVersion {
  let version = 0;
  for (const name of fileNames) {
    if (!MIGRATION_FILE.test(name)) continue;
    version = Math.max(version, Number(name.slice(0, 4)));
  }
  return version;
}

/**
 * The version this build was made for, from the migrations that ship with it. Read from
 * the folder rather than kept as a constant, so adding a migration moves it.
 */
export function readBuildSchemaVersion(dir: string = MIGRATIONS_DIR): SchemaVersion {
  return schemaVersionOf(readdirSync(dir));
}

const UNDEFINED_TABLE = '42P01';

/** The database's version; 0 when no migration has run there yet. */
export async function readDatabaseSchemaVersion(db: Kysely<Database>): Promise<SchemaVersion> {
  try {
    // Names start with their zero-padded number, so the greatest name is the newest.
    const row = await db
      .selectFrom('schema_migrations')
      .select((eb) => eb.fn.max('name').as('newest'))
      .executeTakeFirst();
    return schemaVersionOf(row?.newest ? [row.newest] : []);
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return 0;
    throw error;
  }
}

export function compareSchemaVersions(
  build: SchemaVersion,
  database: SchemaVersion,
): SchemaStanding {
  if (database === build) return 'current';
  return database < build ? 'behind' : 'ahead';
}

/** `17` → `0017`, as the migration files spell it. */
export function formatSchemaVersion(version: SchemaVersion): string {
  return String(version).padStart(4, '0');
}

/**
 * Resolves when the database is at `build`. A database behind it throws a plain error (a
 * node that applies migrations has not got there yet: worth waiting for); one ahead of it
 * throws a StartupError, since this build does not know the tables a newer one made.
 */
export async function requireCurrentSchema(
  db: Kysely<Database>,
  build: SchemaVersion,
): Promise<void> {
  const database = await readDatabaseSchemaVersion(db);
  switch (compareSchemaVersions(build, database)) {
    case 'current':
      return;
    case 'behind':
      throw new Error(`the database schema is at ${formatSchemaVersion(database)}`);
    case 'ahead':
      throw new StartupError(
        `The database schema is at ${formatSchemaVersion(database)}, newer than ` +
          `${formatSchemaVersion(build)} this build was made for; run a build made for ` +
          `${formatSchemaVersion(database)} or later.`,
      );
  }
}
