import type { Logger } from 'pino';
import type { StorageConfig } from '../config/deployment.js';
import { createPostgresDb } from '../db/create-postgres-db.js';
import { openDatabase, type OpenDatabase } from '../db/open-database.js';
import { ROLE_DATABASE_SETTINGS, type KitRole } from './role-database-settings.js';

/**
 * Opens the storage as the role uses it: a pool of the role's size, and a schema made ready
 * by the roles that prepare it. PGlite is always prepared: its data directory may be new.
 */
export async function openRoleDatabase(
  storage: StorageConfig,
  role: KitRole,
  logger: Logger,
): Promise<OpenDatabase> {
  const settings = ROLE_DATABASE_SETTINGS[role];
  const poolOptions = {
    maxConnections: settings.poolSize,
    // An idle pooled connection fails when Postgres restarts; pg replaces it on next use.
    onPoolError: (err: Error) => logger.warn({ err }, 'idle database connection lost'),
  };
  if (storage.kind === 'pglite' || settings.preparesSchema) {
    return openDatabase(storage, poolOptions);
  }
  const db = createPostgresDb({ connectionString: storage.databaseUrl, ...poolOptions });
  return { db, migrationsApplied: [], close: () => db.destroy() };
}
