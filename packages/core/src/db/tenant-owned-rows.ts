import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from './database.js';

// The "by tenant, by id" statements that every repository of a tenant-owned object would
// otherwise write out again. The tenant scope is always part of the statement (architecture
// rule 1): another tenant's id behaves exactly like one that does not exist.

/** Tables whose rows a tenant owns and names by `id`: every table that has both columns. */
export type TenantOwnedTable = TableWith<{ id: number; tenant_id: number }>;

type TableWith<Columns> = {
  [T in keyof Database]: Selectable<Database[T]> extends Columns ? T : never;
}[keyof Database];

type RowOf<T extends TenantOwnedTable> = Selectable<Database[T]>;

// Kysely cannot resolve column names on a table that is a type parameter (nor on a union of
// whole table types), so the statements are built against this view of the tables, which
// TenantOwnedTable guarantees, and their rows and changes are typed by table at the edges.
type TenantOwnedView = Record<TenantOwnedTable, { id: number; tenant_id: number }>;

function view(db: Kysely<Database>): Kysely<TenantOwnedView> {
  return db as unknown as Kysely<TenantOwnedView>;
}

/** Every row of the tenant, by ascending id. */
export async function listTenantRows<T extends TenantOwnedTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: number,
): Promise<RowOf<T>[]> {
  const rows = await view(db)
    .selectFrom(table as TenantOwnedTable)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return rows as RowOf<T>[];
}

/** The tenant's row with this id; undefined when there is none. */
export async function findTenantRow<T extends TenantOwnedTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: number,
  id: number,
): Promise<RowOf<T> | undefined> {
  const row = await view(db)
    .selectFrom(table as TenantOwnedTable)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row as RowOf<T> | undefined;
}

/** Sets columns of the tenant's row with this id; false when the tenant has none. */
export async function updateTenantRow<T extends TenantOwnedTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: number,
  id: number,
  changes: Updateable<Database[T]>,
): Promise<boolean> {
  const result = await view(db)
    .updateTable(table as TenantOwnedTable)
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the tenant's row with this id; false when the tenant had none. */
export async function deleteTenantRow(
  db: Kysely<Database>,
  table: TenantOwnedTable,
  tenantId: number,
  id: number,
): Promise<boolean> {
  const result = await view(db)
    .deleteFrom(table)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
