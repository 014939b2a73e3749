import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// Which tenant a public status-page request means. Slugs are unique per tenant, so the URL
// alone does not say; these are the two facts the HTTP layer decides with.

/** The tenant whose page has this custom domain (`domainNameList`), if any. */
export async function findTenantByDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('status_page_domains')
    .select('tenant_id')
    .where('domain', '=', domain.toLowerCase())
    .executeTakeFirst();
  return row?.tenant_id;
}

/**
 * The instance's first tenant, which Kuma's own URLs (`/status/:slug`) serve when no custom
 * domain matches. In embedded mode it is the only tenant, so self-hosters keep Kuma's URLs.
 */
export async function findDefaultTenantId(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('tenants').select('id').orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}

/**
 * An uploaded logo by page id. Page ids are global, and a logo is as public as its page, so
 * `/upload/logo<id>.png` needs no tenant (the URL upstream gives it, spec §3.6).
 */
export async function findStatusPageLogo(
  db: Kysely<Database>,
  pageId: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('status_pages')
    .select('logo')
    .where('id', '=', pageId)
    .executeTakeFirst();
  return row?.logo ?? undefined;
}
