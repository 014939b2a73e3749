import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { inTransaction } from '../db/in-transaction.js';
import { deleteTenantRow } from '../db/tenant-owned-rows.js';
import type { Database } from '../db/database.js';
import type { MonitorTagJson, TagJson } from './tag.js';
import type { TagInput } from './tag-input.js';

// Every function here takes the tenant scope (architecture rule 1): a tag or monitor id of another
// tenant behaves exactly like one that does not exist. The composite foreign keys of
// migrations/0010 back this up in the database.

/** The outcome of `addMonitorTag`: which side was missing when nothing was linked. */
export type AddMonitorTagResult = 'added' | 'tag-not-found' | 'monitor-not-found';

/** `getTags`: the tenant's tags, oldest first like upstream's table scan. */
export async function listTags(db: Kysely<Database>, tenantId: number): Promise<TagJson[]> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'color'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
}

export async function createTag(
  db: Kysely<Database>,
  tenantId: number,
  input: TagInput,
): Promise<TagJson> {
  return db
    .insertInto('tags')
    .values({ tenant_id: tenantId, name: input.name, color: input.color })
    .returning(['id', 'name', 'color'])
    .executeTakeFirstOrThrow();
}

/**
 * Replaces name and color. Answers the stored tag and whether any monitor shows it (its
 * monitors' wire objects changed), or undefined when the tenant has no such tag.
 */
export async function updateTag(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  input: TagInput,
): Promise<{ tag: TagJson; linked: boolean } | undefined> {
  return inTransaction(db, async (trx) => {
    const tag = await trx
      .updateTable('tags')
      .set({ name: input.name, color: input.color })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(['id', 'name', 'color'])
      .executeTakeFirst();
    if (!tag) return undefined;
    return { tag, linked: await hasLinks(trx, tenantId, id) };
  });
}

/**
 * Deletes the tag; its monitor links go with it (cascade). Answers how many links went, so
 * the caller knows whether monitors changed; 0 as well for a tag the tenant does not have.
 */
export async function deleteTag(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ deleted: boolean; unlinkedCount: number }> {
  return inTransaction(db, async (trx) => {
    // Explicit rather than left to the cascade, which does not report what it removed.
    const unlinked = await trx
      .deleteFrom('monitor_tags')
      .where('tenant_id', '=', tenantId)
      .where('tag_id', '=', id)
      .executeTakeFirst();
    const deleted = await deleteTenantRow(trx, 'tags', tenantId, id);
    return { deleted, unlinkedCount: Number(unlinked.numDeletedRows) };
  });
}

/** Deletes every tag of the tenant and their monitor links (a backup import's `overwrite`). */
export async function deleteAllTags(db: Kysely<Database>, tenantId: number): Promise<void> {
  await db.deleteFrom('tags').where('tenant_id', '=', tenantId).execute();
}

/**
 * `addMonitorTag`: one more link row, even when an equal one exists (upstream allows
 * duplicates). One statement checks both owners: the join finds only this tenant's monitor
 * and tag.
 */
export async function addMonitorTag(
  db: Kysely<Database>,
  tenantId: number,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<AddMonitorTagResult> {
  const inserted = await db
    .insertInto('monitor_tags')
    .columns(['tenant_id', 'monitor_id', 'tag_id', 'value'])
    .expression((eb) =>
      eb
        .selectFrom('monitors as m')
        .innerJoin('tags as t', 't.tenant_id', 'm.tenant_id')
        .select([
          'm.tenant_id',
          'm.id as monitor_id',
          't.id as tag_id',
          sql<string | null>`${value}::text`.as('value'),
        ])
        .where('m.tenant_id', '=', tenantId)
        .where('m.id', '=', monitorId)
        .where('t.id', '=', tagId),
    )
    .returning('id')
    .executeTakeFirst();
  if (inserted) return 'added';
  return (await findTag(db, tenantId, tagId)) ? 'monitor-not-found' : 'tag-not-found';
}

/**
 * Adds many links at once (a backup import), duplicates included like addMonitorTag, in the
 * given order. The joins keep only links whose monitor and tag are both the tenant's.
 */
export async function addMonitorTagLinks(
  db: Kysely<Database>,
  tenantId: number,
  links: readonly { monitorId: number; tagId: number; value: string | null }[],
): Promise<void> {
  for (let i = 0; i < links.length; i += LINK_CHUNK) {
    const chunk = links.slice(i, i + LINK_CHUNK);
    await sql`
      INSERT INTO monitor_tags (tenant_id, monitor_id, tag_id, value)
      SELECT m.tenant_id, m.id, t.id, l.value
      FROM unnest(${chunk.map((l) => l.monitorId)}::int[], ${chunk.map((l) => l.tagId)}::int[],
                  ${chunk.map((l) => l.value)}::text[])
        WITH ORDINALITY AS l (monitor_id, tag_id, value, n)
      JOIN monitors m ON m.id = l.monitor_id AND m.tenant_id = ${tenantId}
      JOIN tags t ON t.id = l.tag_id AND t.tenant_id = ${tenantId}
      ORDER BY l.n
    `.execute(db);
  }
}

// Three arrays per statement; bounded so one statement stays small.
const LINK_CHUNK = 5_000;

/** The tenant's links of one tag to one monitor, whatever their values. */
function linksBetween(tenantId: number, tagId: number, monitorId: number) {
  return (eb: ExpressionBuilder<Database, 'monitor_tags'>) =>
    eb.and({ tenant_id: tenantId, tag_id: tagId, monitor_id: monitorId });
}

/** `editMonitorTag`: sets `value` on every link of this tag to this monitor; answers how many. */
export async function editMonitorTag(
  db: Kysely<Database>,
  tenantId: number,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<number> {
  const result = await db
    .updateTable('monitor_tags')
    .set({ value })
    .where(linksBetween(tenantId, tagId, monitorId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * `deleteMonitorTag`: removes the links matching tag, monitor and value; answers how many.
 * A null value matches null values (upstream's `value = ?` never matches NULL, which leaves
 * such a link impossible to remove).
 */
export async function deleteMonitorTag(
  db: Kysely<Database>,
  tenantId: number,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<number> {
  const result = await db
    .deleteFrom('monitor_tags')
    .where(linksBetween(tenantId, tagId, monitorId))
    .where('value', 'is not distinct from', value)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Every monitor's `tags` (docs/protocol/tags.md#tag-and-monitortag), by monitor id, in one query for the whole tenant (a
 * monitor list needs them all), or for the monitors in `monitorIds` only (a page of it).
 * Sorted by tag name like upstream, in byte order as SQLite compares, so the order does not
 * depend on the database's collation; then by link id.
 */
export async function monitorTagsOf(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds?: readonly number[],
): Promise<Map<number, MonitorTagJson[]>> {
  let query = db
    .selectFrom('monitor_tags as mt')
    .innerJoin('tags as t', (join) =>
      join.onRef('t.id', '=', 'mt.tag_id').onRef('t.tenant_id', '=', 'mt.tenant_id'),
    )
    .select(['mt.id', 'mt.monitor_id', 'mt.tag_id', 'mt.value', 't.name', 't.color'])
    .where('mt.tenant_id', '=', tenantId);
  if (monitorIds) {
    if (monitorIds.length === 0) return new Map();
    query = query.where(sql<boolean>`mt.monitor_id = ANY(${monitorIds}::int[])`);
  }
  const rows = await query
    .orderBy('mt.monitor_id')
    .orderBy(sql`t.name COLLATE "C"`)
    .orderBy('mt.id')
    .execute();
  const byMonitor = new Map<number, MonitorTagJson[]>();
  for (const row of rows) {
    const tags = byMonitor.get(row.monitor_id) ?? [];
    tags.push(row);
    byMonitor.set(row.monitor_id, tags);
  }
  return byMonitor;
}

async function findTag(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<TagJson | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'color'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function hasLinks(db: Kysely<Database>, tenantId: number, tagId: number): Promise<boolean> {
  const row = await db
    .selectFrom('monitor_tags')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('tag_id', '=', tagId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
