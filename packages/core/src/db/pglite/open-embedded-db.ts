import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { createPgliteDb } from './create-pglite-db.js';
import { lockDataDir } from './data-dir-lock.js';

export interface EmbeddedDb {
  db: Kysely<Database>;
  /** Closes PGlite, then gives the data directory back. */
  close(): Promise<void>;
}

/** The embedded database of one-machine mode: PGlite in `<dataDir>/pglite`, locked to us. */
export async function openEmbeddedDb(dataDir: string): Promise<EmbeddedDb> {
  const unlock = await lockDataDir(dataDir);
  try {
    const db = await createPgliteDb(join(dataDir, 'pglite'));
    return {
      db,
      async close() {
        await db.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
