import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open-database.js';
import { TEST_EMBEDDED_DATA_TEMPLATE } from './env.js';

// PGlite's initdb and the migrations cost an embedded first start seconds of CPU, which every
// end-to-end file on the embedded deployment would pay again. The first start on an empty data
// directory is proved once (test/e2e/embedded-restart.e2e.test.ts); the other files start
// from a copy of a directory that start left behind.

/** Writes what `npm start` leaves in an empty data directory: PGlite initialised and migrated. */
export async function writeEmbeddedDataTemplate(dataDir: string): Promise<void> {
  const opened = await openDatabase({ kind: 'pglite', dataDir });
  await opened.close();
}

/**
 * A new data directory (under a new temporary directory named after `label`) holding a copy
 * of the run's migrated template (test/e2e/global-setup.ts), or nothing when the file runs
 * without it, in which case the first start runs initdb as usual.
 */
export async function embeddedDataDirFromTemplate(label: string): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), `watchpost-${label}-`));
  if (TEST_EMBEDDED_DATA_TEMPLATE) {
    await cp(join(TEST_EMBEDDED_DATA_TEMPLATE, 'pglite'), join(dataDir, 'pglite'), {
      recursive: true,
    });
  }
  return dataDir;
}
