import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deleteTenantRow, updateTenantRow } from '../db/tenant-owned-rows.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { formatApiKey, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyRow } from './api-keys.table.js';

// Every function but findApiKeyCredential takes the tenant scope (architecture rule 1).

export interface NewApiKey {
  name: string;
  /** Verbatim local date-time text, or null for a key that never expires. */
  expires: string | null;
  /** The instant `expires` names (see parseExpiry). */
  expiresAt: Date | null;
  active: boolean;
  scope: ApiKeyScope;
}

export interface CreatedApiKey {
  id: number;
  /** The clear `uk<id>_<secret>`: returned this once, never stored. */
  key: string;
}

const LIST_COLUMNS = [
  'id',
  'tenant_id',
  'user_id',
  'name',
  'scope',
  'active',
  'expires',
  'expires_at',
  'created_at',
  'last_used_at',
] as const;

export async function createApiKey(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  input: NewApiKey,
): Promise<CreatedApiKey> {
  const secret = generateApiKeySecret();
  const { id } = await db
    .insertInto('api_keys')
    .values({
      tenant_id: tenantId,
      user_id: userId,
      name: input.name,
      secret_hash: hashApiKeySecret(secret),
      scope: input.scope,
      active: input.active,
      expires: input.expires,
      expires_at: input.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, key: formatApiKey(id, secret) };
}

/** The one row → domain mapper of a listed key; the hash is never selected. */
function toApiKey(row: Omit<ApiKeyRow, 'secret_hash'>): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    name: row.name,
    // Only values of API_KEY_SCOPES are ever written (the input schema checks them).
    scope: row.scope as ApiKeyScope,
    active: row.active,
    expires: row.expires,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function listApiKeys(db: Kysely<Database>, tenantId: number): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(LIST_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return rows.map(toApiKey);
}

/** False when the tenant has no such key (another tenant's id included). */
export async function setApiKeyActive(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  active: boolean,
): Promise<boolean> {
  return updateTenantRow(db, 'api_keys', tenantId, id, { active });
}

/** False when the tenant has no such key (another tenant's id included). */
export async function deleteApiKey(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<boolean> {
  return deleteTenantRow(db, 'api_keys', tenantId, id);
}

export interface ApiKeyCredential {
  id: number;
  tenantId: number;
  userId: number;
  username: string;
  userActive: boolean;
  secretHash: Uint8Array;
  scope: ApiKeyScope;
  active: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * The one lookup without a tenant scope: it is what establishes the tenant, from a key id
 * the caller has not yet proven to hold. Only verifyApiKey may use its answer, and only
 * after the secret matched.
 */
export async function findApiKeyCredential(
  db: Kysely<Database>,
  id: number,
): Promise<ApiKeyCredential | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', (join) =>
      join.onRef('u.id', '=', 'k.user_id').onRef('u.tenant_id', '=', 'k.tenant_id'),
    )
    .select([
      'k.id',
      'k.tenant_id',
      'k.user_id',
      'u.username',
      'u.active as user_active',
      'k.secret_hash',
      'k.scope',
      'k.active',
      'k.expires_at',
      'k.last_used_at',
    ])
    .where('k.id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      tenantId: row.tenant_id,
      userId: row.user_id,
      username: row.username,
      userActive: row.user_active,
      secretHash: row.secret_hash,
      scope: row.scope as ApiKeyScope,
      active: row.active,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
    }
  );
}

/**
 * Stamps the key as used unless another request (on any node) did within `minIntervalMs`,
 * so a key scraped every few seconds costs one row write a minute, not one per request.
 */
export async function recordApiKeyUse(
  db: Kysely<Database>,
  id: number,
  now: Date,
  minIntervalMs: number,
): Promise<void> {
  const cutoff = new Date(now.getTime() - minIntervalMs);
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', cutoff)]))
    .execute();
}
