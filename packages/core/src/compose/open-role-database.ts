import type { Logger } from 'pino';
import type { StorageConfig } from '../config/deployment.js';
import { createPostgresDb } from '../db/create-postgres-db.js';
import { openDatabase, type OpenDatabase, type OpenDatabaseOptions } from '../db/open-database.js';
import {
  formatSchemaVersion,
  readBuildSchemaVersion,
  requireCurrentSchema,
} from '../db/schema-version.js';
import { waitWhileLate } from '../runtime/wait-while-late.js';
import { ROLE_DATABASE_SETTINGS, type KitRole } from './role-database-settings.js';

/**
 * Opens the storage as the role uses it: a pool of the role's size, and a schema made ready
 * by the roles that prepare it. PGlite is always prepared: its data directory may be new.
 *
 * On Postgres every role waits until the database answers at the schema this build ships
 * (the roles that prepare it migrate it there; the others wait for one that does), so the
 * roles start in any order (architecture rule 12). A database newer than the build ends
 * the start with a StartupError.
 */
export async function openRoleDatabase(
  storage: StorageConfig,
  role: KitRole,
  logger: Logger,
): Promise<OpenDatabase> {
  const settings = ROLE_DATABASE_SETTINGS[role];
  const poolOptions: OpenDatabaseOptions = {
    maxConnections: settings.poolSize,
    // An idle pooled connection fails when Postgres restarts; pg replaces it on next use.
    onPoolError: (err: Error) => logger.warn({ err }, 'idle database connection lost'),
  };
  const build = readBuildSchemaVersion();
  if (storage.kind === 'pglite') {
    // Nothing to wait for: the data directory is this process's alone.
    return withCurrentSchema(await openDatabase(storage, poolOptions), build);
  }
  const wait = { logger, waitingFor: `waiting for database schema ${formatSchemaVersion(build)}` };
  if (settings.preparesSchema) {
    return waitWhileLate(
      async () => withCurrentSchema(await openDatabase(storage, poolOptions), build),
      wait,
    );
  }
  const db = createPostgresDb({ connectionString: storage.databaseUrl, ...poolOptions });
  try {
    await waitWhileLate(() => requireCurrentSchema(db, build), wait);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, migrationsApplied: [], close: () => db.destroy() };
}

async function withCurrentSchema(open: OpenDatabase, build: number): Promise<OpenDatabase> {
  try {
    await requireCurrentSchema(open.db, build);
    return open;
  } catch (error) {
    await open.close();
    throw error;
  }
}
