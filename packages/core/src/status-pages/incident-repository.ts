import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { IncidentInput } from './status-page-input.js';
import { INCIDENT_COLUMNS, toIncident } from './status-page-row.js';
import { findStatusPage } from './status-page-repository.js';
import type { Incident } from './status-page.js';

// Incidents of a status page (docs/protocol/status-pages.md); every lookup goes through the tenant's own page.

/**
 * `postIncident`: unpins the page's incidents, then updates the named one (when it is this
 * page's) or creates one, pinned. Undefined for an unknown slug.
 */
export async function postIncident(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
  input: IncidentInput,
  now: Date,
): Promise<Incident | undefined> {
  return db.transaction().execute(async (trx) => {
    const page = await findStatusPage(trx, tenantId, slug);
    if (!page) return undefined;
    await unpinAll(trx, tenantId, page.id);
    const fields = { title: input.title, content: input.content, style: input.style, pin: true };
    const updated =
      input.id == null
        ? undefined
        : await trx
            .updateTable('incidents')
            .set({ ...fields, last_updated_at: now })
            .where('id', '=', input.id)
            .where('tenant_id', '=', tenantId)
            .where('status_page_id', '=', page.id)
            .returning(INCIDENT_COLUMNS)
            .executeTakeFirst();
    const row =
      updated ??
      (await trx
        .insertInto('incidents')
        .values({ ...fields, tenant_id: tenantId, status_page_id: page.id, created_at: now })
        .returning(INCIDENT_COLUMNS)
        .executeTakeFirstOrThrow());
    return toIncident(row);
  });
}

/** `unpinIncident`: no error for an unknown slug (docs/protocol/status-pages.md). */
export async function unpinIncident(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
): Promise<void> {
  const page = await findStatusPage(db, tenantId, slug);
  if (page) await unpinAll(db, tenantId, page.id);
}

async function unpinAll(db: Kysely<Database>, tenantId: number, pageId: number): Promise<void> {
  await db
    .updateTable('incidents')
    .set({ pin: false })
    .where('tenant_id', '=', tenantId)
    .where('status_page_id', '=', pageId)
    .where('pin', '=', true)
    .execute();
}

/** The pinned incident shown on the page, if any. */
export async function findPinnedIncident(
  db: Kysely<Database>,
  tenantId: number,
  pageId: number,
): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents')
    .select(INCIDENT_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('status_page_id', '=', pageId)
    .where('pin', '=', true)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && toIncident(row);
}
