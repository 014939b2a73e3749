import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type PgliteDb } from './create-pglite-db.js';
import { createPreparedStatements } from './prepared-statements.js';
import { TEST_PGLITE_TEMPLATE } from '../../testing/env.js';

let p: PgliteDb;

beforeAll(async () => {
  // The run's migrated cluster loads in about a second; a fresh one costs initdb.
  const template = TEST_PGLITE_TEMPLATE
    ? new Blob([await readFile(TEST_PGLITE_TEMPLATE)])
    : undefined;
  p = await openPglite({ template });
});
afterAll(async () => p?.db.destroy());

const preparedNames = async () =>
  (
    await p.pglite.query<{ name: string }>(
      "SELECT name FROM pg_prepared_statements WHERE name LIKE 'watchpost_%' ORDER BY name",
    )
  ).rows.map((r) => r.name);

describe('prepared statements on PGlite', () => {
  it('parses a text once and answers as PGlite.query does, parameters of every kind', async () => {
    const prepared = createPreparedStatements(p.pglite);
    const text = `SELECT $1::int[] AS ids, $2::timestamptz AS at, $3::text AS none,
                         $4::jsonb AS doc, $5::bool AS yes, $6::float8[] AS pings, $7::int8 AS big`;
    const params = [
      [1, 2, 3],
      new Date('2026-01-02T03:04:05.678Z'),
      null,
      JSON.stringify({ a: [1, 'x'] }),
      true,
      [1.5, null],
      '9007199254740991',
    ];
    const expected = await p.pglite.query(text, params);
    const before = (await preparedNames()).length;
    expect((await prepared.query(text, params)).rows).toEqual(expected.rows);
    expect((await prepared.query(text, params)).rows).toEqual(expected.rows);
    expect((await preparedNames()).length).toBe(before + 1);
  });

  it('reports rows written, and stays usable after an error or a text that does not parse', async () => {
    const prepared = createPreparedStatements(p.pglite);
    await p.pglite.exec('CREATE TABLE prepared_t (id int PRIMARY KEY)');
    const insert = 'INSERT INTO prepared_t SELECT unnest($1::int[])';
    expect((await prepared.query(insert, [[1, 2]])).affectedRows).toBe(2);
    await expect(prepared.query(insert, [[3, 1]])).rejects.toMatchObject({ code: '23505' });
    await expect(prepared.query('SELEC $1', [1])).rejects.toMatchObject({ code: '42601' });
    await expect(prepared.query('SELEC $1', [1])).rejects.toMatchObject({ code: '42601' });
    expect((await prepared.query(insert, [[3]])).affectedRows).toBe(1);
    const count = 'SELECT count(*)::int AS n FROM prepared_t WHERE id > $1';
    expect((await prepared.query(count, [0])).rows).toEqual([{ n: 3 }]);
  });

  it('keeps at most its limit of statements, closing the least recently used', async () => {
    const prepared = createPreparedStatements(p.pglite, 2);
    const others = await preparedNames();
    const ours = async () => (await preparedNames()).filter((name) => !others.includes(name));
    await prepared.query('SELECT $1::int AS a', [1]);
    await prepared.query('SELECT $1::int AS b', [1]);
    await prepared.query('SELECT $1::int AS a', [1]);
    await prepared.query('SELECT $1::int AS c', [1]);
    const names = await ours();
    expect(names).toHaveLength(2);
    // `a` was used after `b`, so `b` is the one closed.
    expect((await prepared.query('SELECT $1::int AS a', [7])).rows).toEqual([{ a: 7 }]);
    expect(await ours()).toEqual(names);
  });

  it('runs statements on the schema as it is after a migration changed it', async () => {
    const { db } = p;
    await sql`CREATE TABLE prepared_s (id int)`.execute(db);
    await sql`INSERT INTO prepared_s VALUES (${1})`.execute(db);
    const select = () => sql`SELECT * FROM prepared_s WHERE id = ${1}`.execute(db);
    expect((await select()).rows).toEqual([{ id: 1 }]);
    await sql.raw('ALTER TABLE prepared_s ADD COLUMN name text').execute(db);
    expect((await select()).rows).toEqual([{ id: 1, name: null }]);
  });
});
