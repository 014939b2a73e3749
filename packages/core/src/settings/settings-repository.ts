import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// A tenant's settings (tenant_settings), every function scoped to the tenant (architecture rule
// 1), and the one instance-wide secret (server_settings).

/** The `type` of every key `setSettings` writes and `getSettings` reads (docs/protocol/settings.md). */
export const GENERAL_SETTING_TYPE = 'general';

/** A tenant's `general` settings, values JSON-decoded, keys in name order. */
export async function getGeneralSettings(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('tenant_settings')
    .select(['key', 'value'])
    .where('tenant_id', '=', tenantId)
    .where('type', '=', GENERAL_SETTING_TYPE)
    .orderBy('key')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** One setting of any type, or undefined when the tenant never stored it. */
export async function getSetting(
  db: Kysely<Database>,
  tenantId: number,
  key: string,
): Promise<unknown> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/**
 * Stores every key as a `general` setting in one statement. A key that already exists under
 * another type is left as it is, silently, as upstream does (docs/protocol/compatibility.md#settings-stored-under-another-type): that keeps a
 * client from overwriting internal values through `setSettings`.
 */
export async function saveGeneralSettings(
  db: Kysely<Database>,
  tenantId: number,
  data: Record<string, unknown>,
): Promise<void> {
  const rows = Object.entries(data)
    // JSON drops undefined members on the wire too (docs/protocol/transport.md#conventions); there is nothing to store.
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({
      tenant_id: tenantId,
      key,
      value: JSON.stringify(value),
      type: GENERAL_SETTING_TYPE,
    }));
  if (rows.length === 0) return;
  await db
    .insertInto('tenant_settings')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'key'])
        .doUpdateSet({ value: (eb) => eb.ref('excluded.value') })
        .where(sql<boolean>`tenant_settings.type IS NOT DISTINCT FROM ${GENERAL_SETTING_TYPE}`),
    )
    .execute();
}

/** Stores one internal (non-`general`) setting, such as `initServerTimezone`. */
export async function saveSetting(
  db: Kysely<Database>,
  tenantId: number,
  key: string,
  value: unknown,
  type: string | null,
): Promise<void> {
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, key, value: JSON.stringify(value), type })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'key']).doUpdateSet({
        value: (eb) => eb.ref('excluded.value'),
        type: (eb) => eb.ref('excluded.type'),
      }),
    )
    .execute();
}

/**
 * The JWT secret every API node shares (docs/protocol/authentication.md#login-tokens). The first node to ask creates it; the
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
