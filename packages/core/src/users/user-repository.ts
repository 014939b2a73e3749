import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/database.js';
import { findTenantRow, updateTenantRow } from '../db/tenant-owned-rows.js';
import { openText, sealText } from '../secrets/secret-store.js';
import type { User } from './user.js';

/** The TOTP secret is sealed at rest (architecture rule 7). */
export const TWO_FACTOR_SECRET_FIELD = 'users.twofa_secret';

/** The one mapper from a `users` row to the domain type every caller reads. */
function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    passwordHash: row.password_hash,
    active: row.active,
    timezone: row.timezone,
    twofaSecret: openText(TWO_FACTOR_SECRET_FIELD, row.twofa_secret),
    twofaStatus: row.twofa_status,
    twofaLastToken: row.twofa_last_token,
    loginTokenVersion: row.login_token_version,
    createdAt: row.created_at,
  };
}

/** The logged-in user, looked up inside its tenant (architecture rule 1). */
export async function findUser(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
): Promise<User | undefined> {
  const row = await findTenantRow(db, 'users', tenantId, userId);
  return row && toUser(row);
}

/** Usernames are unique across tenants, so a login needs no tenant to find its user. */
export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function isUsernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasAnyUser(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await updateTenantRow(db, 'users', tenantId, userId, { password_hash: passwordHash });
}

/** `logout` (docs/protocol/authentication.md#logout): every login token of the user issued so far stops working. */
export async function revokeLoginTokens(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ login_token_version: eb('login_token_version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

/** `prepare2FA` (docs/protocol/authentication.md#two-factor-authentication): a fresh secret; whether 2FA is on stays as it was. */
export async function saveTwoFactorSecret(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  secret: string,
): Promise<void> {
  await updateTenantRow(db, 'users', tenantId, userId, {
    twofa_secret: sealText(TWO_FACTOR_SECRET_FIELD, secret),
  });
}

/** `save2FA` / `disable2FA`: the secret is kept either way, as upstream does. */
export async function setTwoFactorStatus(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  enabled: boolean,
): Promise<void> {
  await updateTenantRow(db, 'users', tenantId, userId, { twofa_status: enabled });
}

/**
 * Records `code` as the user's last used TOTP code unless it already is, and answers whether
 * it was recorded. Done in one conditional UPDATE so that the same code sent to two API nodes
 * at once logs in only once (docs/protocol/authentication.md#login: a reused code is refused).
 */
export async function claimTwoFactorCode(
  db: Kysely<Database>,
  userId: number,
  code: string,
): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ twofa_last_token: code })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('twofa_last_token', 'is', null), eb('twofa_last_token', '!=', code)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Who a new connection is logged in as when authentication is disabled (docs/protocol/authentication.md#disabled-authentication), if
 * anyone. Upstream is single-user; in a multi-tenant instance a connection carries nothing
 * that says which tenant it means, and logging strangers into some tenant would hand it to
 * the world. So `disableAuth` takes effect only while the instance holds exactly one tenant
 * (a self-hosted one, as in embedded mode): then it is that tenant's first active user.
 */
export async function findAutoLoginUser(db: Kysely<Database>): Promise<User | undefined> {
  const tenants = await db.selectFrom('tenants').select('id').limit(2).execute();
  const [only] = tenants;
  if (tenants.length !== 1 || !only) return undefined;
  const setting = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', only.id)
    .where('key', '=', 'disableAuth')
    .executeTakeFirst();
  // Truthy, as setSettings and upstream read it.
  if (!setting?.value) return undefined;
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', only.id)
    .where('active', '=', true)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row && toUser(row);
}
