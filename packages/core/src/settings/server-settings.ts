import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * The JWT secret every API node shares (spec §2.3). The first node to ask creates it; the
 * others read the same row (INSERT … ON CONFLICT DO NOTHING, then SELECT).
 */
export async function loadOrCreateJwtSecret(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('server_settings')
    .values({ key: 'jwtSecret', value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', 'jwtSecret')
    .executeTakeFirstOrThrow();
  return row.value;
}
