import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../db/migrate.js';
import { formatSchemaVersion, readBuildSchemaVersion } from '../db/schema-version.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { openRoleDatabase } from './open-role-database.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  return { logger, lines };
}

/** A database with nothing in it yet: no node has migrated it. */
async function emptyDatabase(): Promise<TestDatabase> {
  const migrated = await createTestDatabase();
  databases.push(migrated);
  const db = migrated.db;
  await db.schema.dropSchema('public').cascade().execute();
  await db.schema.createSchema('public').execute();
  return migrated;
}

describe('openRoleDatabase on Postgres', () => {
  const build = formatSchemaVersion(readBuildSchemaVersion());

  it('makes a worker wait for the schema until a node migrates it, saying so', async () => {
    const target = await emptyDatabase();
    const { logger, lines } = recordingLogger();
    let opened = false;
    const opening = openRoleDatabase(
      { kind: 'postgres', databaseUrl: target.url },
      'worker',
      logger,
    ).then((open) => {
      opened = true;
      return open;
    });
    await expect
      .poll(() => lines.map((l) => l.msg))
      .toContain(`waiting for database schema ${build}`);
    expect(opened).toBe(false);

    await runMigrations(target.db);
    const open = await opening;
    await open.close();
    expect(lines.find((l) => l.msg === `waiting for database schema ${build}`)).toMatchObject({
      reason: `the database schema is at 0000`,
    });
  });

  it('waits for a Postgres that is not listening yet rather than failing', async () => {
    const { logger, lines } = recordingLogger();
    let settled = false;
    const opening = openRoleDatabase(
      { kind: 'postgres', databaseUrl: 'postgres://root@127.0.0.1:1/none' },
      'api',
      logger,
    ).finally(() => (settled = true));
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ msg: `waiting for database schema ${build}` });
    expect(settled).toBe(false);
    // Nothing ever listens there: the wait is left to end with the test process.
    opening.catch(() => {});
  });

  it('refuses to start a role built for an older schema than the database has', async () => {
    const target = await createTestDatabase();
    databases.push(target);
    await target.db
      .insertInto('schema_migrations')
      .values({ name: '9999_from_the_future.sql' })
      .execute();
    for (const role of ['api', 'worker'] as const) {
      await expect(
        openRoleDatabase(
          { kind: 'postgres', databaseUrl: target.url },
          role,
          recordingLogger().logger,
        ),
      ).rejects.toThrow(
        `The database schema is at 9999, newer than ${build} this build was made for`,
      );
    }
  });

  it('lets an API node migrate a fresh database and start at once', async () => {
    const target = await emptyDatabase();
    const open = await openRoleDatabase(
      { kind: 'postgres', databaseUrl: target.url },
      'api',
      recordingLogger().logger,
    );
    expect(open.migrationsApplied.at(-1)).toMatch(new RegExp(`^${build}_`));
    await open.close();
  });
});
