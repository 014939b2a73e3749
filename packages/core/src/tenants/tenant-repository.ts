import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';

export interface CreatedTenant {
  tenantId: number;
  userId: number;
}

/**
 * Creates a tenant and its first (admin) user in one transaction: inside the caller's if
 * `db` is one.
 */
export async function createTenantWithAdmin(
  db: Kysely<Database>,
  input: { name: string; username: string; passwordHash: string },
): Promise<CreatedTenant> {
  return inTransaction(db, async (trx) => {
    const tenant = await trx
      .insertInto('tenants')
      .values({ name: input.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({
        tenant_id: tenant.id,
        username: input.username,
        password_hash: input.passwordHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { tenantId: tenant.id, userId: user.id };
  });
}

/**
 * First-run setup (docs/protocol/authentication.md#first-run-setup): creates the first tenant and admin only while no user exists
 * at all. The table lock makes two concurrent setups on two nodes produce exactly one.
 */
export async function createFirstTenant(
  db: Kysely<Database>,
  input: { username: string; passwordHash: string },
): Promise<CreatedTenant | null> {
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return null;
    const { username, passwordHash } = input;
    return createTenantWithAdmin(trx, { name: username, username, passwordHash });
  });
}

/**
 * Whether the tenant exists; inside a transaction, also holds its row until the commit, so
 * two writes that count the tenant's rows against a limit run one after the other.
 */
export async function lockTenant(db: Kysely<Database>, tenantId: number): Promise<boolean> {
  const row = await db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
