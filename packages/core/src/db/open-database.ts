import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { StorageConfig } from '../config/deployment.js';
import { createPostgresDb } from './create-postgres-db.js';
import type { Database } from './database.js';
import { ensureDatabaseExists } from './ensure-database.js';
import { openEmbeddedDb } from './pglite/open-embedded-db.js';
import { prepareDatabase } from './prepare-database.js';

export interface OpenDatabase {
  db: Kysely<Database>;
  /** The migrations this open applied (empty when the schema was current). */
  migrationsApplied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  maxConnections?: number;
  onPoolError?: (error: Error) => void;
}

/**
 * Opens the configured storage ready for use: creates a missing Postgres database or a
 * missing data directory, then migrates (prepareDatabase). For composition roots only.
 */
export async function openDatabase(
  storage: StorageConfig,
  options: OpenDatabaseOptions = {},
): Promise<OpenDatabase> {
  let opened: Omit<OpenDatabase, 'migrationsApplied'>;
  if (storage.kind === 'pglite') {
    opened = await openEmbeddedDb(resolve(storage.dataDir));
  } else {
    await ensureDatabaseExists(storage.databaseUrl);
    const db = createPostgresDb({ connectionString: storage.databaseUrl, ...options });
    opened = { db, close: () => db.destroy() };
  }
  try {
    return { ...opened, migrationsApplied: await prepareDatabase(opened.db) };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
