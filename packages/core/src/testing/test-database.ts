import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createPostgresDb } from '../db/create-postgres-db.js';
import { openPglite } from '../db/pglite/create-pglite-db.js';
import type { Database } from '../db/database.js';
import { prepareDatabase } from '../db/prepare-database.js';
import { createSecretBox, parseSecretKeys } from '../secrets/secret-box.js';
import { installSecretBox } from '../secrets/secret-store.js';
import { TEST_PGLITE_TEMPLATE, TEST_POSTGRES_URL, TEST_SECRETS_KEY } from './env.js';

export interface TestDatabase {
  db: Kysely<Database>;
  /** Connection string of the fresh database, for child processes. */
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A brand-new database with the real migrations applied, so each test file sees only its
 * own rows and reruns never meet leftovers.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  installTestSecretBox();
  const name = `watchpost_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = createPostgresDb({ connectionString: url.toString(), maxConnections: 5 });
  await prepareDatabase(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The storage backends the repository code must work on identically. */
export const TEST_BACKENDS = ['postgres', 'pglite'] as const;
export type TestBackend = (typeof TEST_BACKENDS)[number];

export interface BackendTestDatabase {
  db: Kysely<Database>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on either backend: a new Postgres database, or an in-memory
 * PGlite (the embedded mode's engine).
 */
export async function openTestDatabase(backend: TestBackend): Promise<BackendTestDatabase> {
  installTestSecretBox();
  if (backend === 'postgres') return createTestDatabase();
  // A fresh PGlite cluster costs seconds of initdb; the run's migrated template (see
  // test/global-setup.ts) loads in about one.
  const template = TEST_PGLITE_TEMPLATE
    ? new Blob([await readFile(TEST_PGLITE_TEMPLATE)])
    : undefined;
  const { db } = await openPglite({ template });
  await prepareDatabase(db);
  return { db, drop: () => db.destroy() };
}

/** Writes a migrated, empty PGlite cluster to `file`, for openTestDatabase to start from. */
export async function writePgliteTemplate(file: string): Promise<void> {
  const { db, pglite } = await openPglite();
  try {
    await prepareDatabase(db);
    const archive = await pglite.dumpDataDir('none');
    await writeFile(file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await db.destroy();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A Redis key prefix no other test run uses. */
export function uniqueRedisPrefix(label: string): string {
  return `wptest:${label}:${randomBytes(4).toString('hex')}`;
}

/** The repositories seal secrets with the test key, as a role would with its SECRETS_KEY. */
function installTestSecretBox(): void {
  installSecretBox(createSecretBox(parseSecretKeys(TEST_SECRETS_KEY)));
}
