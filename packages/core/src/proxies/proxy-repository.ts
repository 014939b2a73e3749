import type { Kysely } from 'kysely';
import { inTransaction } from '../db/in-transaction.js';
import { deleteTenantRow, findTenantRow, listTenantRows } from '../db/tenant-owned-rows.js';
import type { Database } from '../db/database.js';
import type { ProxyRow } from './proxies.table.js';
import type { Proxy } from './proxy.js';
import type { ProxyInput } from './proxy-wire.js';
import { isStorableId } from '../ids/stored-id.js';
import { openText, sealText } from '../secrets/secret-store.js';

/** The proxy password is sealed at rest (architecture rule 7). */
export const PASSWORD_FIELD = 'proxies.password';

// Every function here takes the tenant scope (architecture rule 1): another tenant's proxy id
// behaves exactly like one that does not exist.

export function toProxy(row: ProxyRow): Proxy {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    protocol: row.protocol,
    host: row.host,
    port: row.port,
    auth: row.auth,
    username: row.username,
    password: openText(PASSWORD_FIELD, row.password),
    active: row.active,
    isDefault: row.is_default,
    createdAt: row.created_at,
  };
}

/** What saving did: the proxy's id and how many monitors `applyExisting` pointed at it. */
export interface SavedProxy {
  id: number;
  appliedMonitorCount: number;
}

/** `addProxy` (docs/protocol/proxies.md): create when `id` is null, else update; undefined = not found. */
export async function saveProxy(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  id: number | null,
  input: ProxyInput,
): Promise<SavedProxy | undefined> {
  if (id !== null && !isStorableId(id)) return undefined;
  return inTransaction(db, async (trx) => {
    const fields = {
      protocol: input.protocol,
      host: input.host,
      port: input.port,
      auth: input.auth,
      username: input.username,
      password: sealText(PASSWORD_FIELD, input.password),
      active: input.active,
      is_default: input.default,
    };
    let savedId: number;
    if (id === null) {
      const row = await trx
        .insertInto('proxies')
        .values({ tenant_id: tenantId, user_id: userId, ...fields })
        .returning('id')
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      const row = await trx
        .updateTable('proxies')
        .set(fields)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!row) return undefined;
      savedId = row.id;
    }
    // One default per tenant; cleared after the write so the update above cannot race it.
    if (input.default) {
      await trx
        .updateTable('proxies')
        .set({ is_default: false })
        .where('tenant_id', '=', tenantId)
        .where('id', '!=', savedId)
        .where('is_default', '=', true)
        .execute();
    }
    let appliedMonitorCount = 0;
    if (input.applyExisting) {
      const applied = await trx
        .updateTable('monitors')
        .set({ proxy_id: savedId })
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      appliedMonitorCount = Number(applied.numUpdatedRows);
    }
    return { id: savedId, appliedMonitorCount };
  });
}

/**
 * `deleteProxy` (docs/protocol/proxies.md): the tenant's monitors that used it go direct again. Answers how
 * many monitors lost it, or undefined when the tenant has no such proxy.
 */
export async function deleteProxy(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ unlinkedMonitorCount: number } | undefined> {
  if (!isStorableId(id)) return undefined;
  return inTransaction(db, async (trx) => {
    if (!(await deleteTenantRow(trx, 'proxies', tenantId, id))) return undefined;
    const unlinked = await trx
      .updateTable('monitors')
      .set({ proxy_id: null })
      .where('tenant_id', '=', tenantId)
      .where('proxy_id', '=', id)
      .executeTakeFirst();
    return { unlinkedMonitorCount: Number(unlinked.numUpdatedRows) };
  });
}

/**
 * Deletes every proxy of the tenant (a backup import's `overwrite`, docs/protocol/settings.md); monitors that
 * used one go direct, as with `deleteProxy`.
 */
export async function deleteAllProxies(db: Kysely<Database>, tenantId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('monitors')
      .set({ proxy_id: null })
      .where('tenant_id', '=', tenantId)
      .where('proxy_id', 'is not', null)
      .execute();
    await trx.deleteFrom('proxies').where('tenant_id', '=', tenantId).execute();
  });
}

export async function listProxies(db: Kysely<Database>, tenantId: number): Promise<Proxy[]> {
  const rows = await listTenantRows(db, 'proxies', tenantId);
  return rows.map(toProxy);
}

export async function findProxy(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<Proxy | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await findTenantRow(db, 'proxies', tenantId, id);
  return row && toProxy(row);
}
