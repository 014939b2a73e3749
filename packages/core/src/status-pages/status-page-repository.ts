import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { LogoInput, PublicGroupInput, StatusPageConfigInput } from './status-page-input.js';
import { PAGE_COLUMNS, toStatusPage } from './status-page-row.js';
import {
  NO_SLUG_MSG,
  SLUG_TAKEN_MSG,
  STATUS_PAGE_MONITOR_NOT_FOUND_MSG,
} from './status-page-texts.js';
import { toStatusPageConfig, type StatusPageConfig } from './status-page-wire.js';
import type { StatusPage } from './status-page.js';

// Every function takes the tenant scope (architecture rule 1): a slug only means something inside
// one tenant, and another tenant's page answers exactly like a missing one.

/** Creates a page with upstream's defaults; undefined when the tenant already uses the slug. */
export async function createStatusPage(
  db: Kysely<Database>,
  tenantId: number,
  input: { title: string; slug: string },
): Promise<number | undefined> {
  const row = await db
    .insertInto('status_pages')
    .values({ tenant_id: tenantId, title: input.title, slug: input.slug })
    .onConflict((oc) => oc.columns(['tenant_id', 'slug']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findStatusPage(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
): Promise<StatusPage | undefined> {
  const row = await db
    .selectFrom('status_pages')
    .select(PAGE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toStatusPage(row);
}

export async function getStatusPageConfig(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
): Promise<StatusPageConfig | undefined> {
  const page = await findStatusPage(db, tenantId, slug);
  if (!page) return undefined;
  return toStatusPageConfig(
    page,
    await domainsOf(db, tenantId, [page.id]).then((d) => d.get(page.id) ?? []),
  );
}

/** `statusPageList`: the tenant's pages keyed by id (docs/protocol/transport.md#server-pushes; ids ascend as object keys). */
export async function listStatusPageConfigs(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Record<string, StatusPageConfig>> {
  const pages = (
    await db
      .selectFrom('status_pages')
      .select(PAGE_COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .execute()
  ).map(toStatusPage);
  const domains = await domainsOf(
    db,
    tenantId,
    pages.map((p) => p.id),
  );
  const list: Record<string, StatusPageConfig> = {};
  for (const page of pages) list[page.id] = toStatusPageConfig(page, domains.get(page.id) ?? []);
  return list;
}

async function domainsOf(
  db: Kysely<Database>,
  tenantId: number,
  pageIds: readonly number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (pageIds.length === 0) return result;
  const rows = await db
    .selectFrom('status_page_domains')
    .select(['status_page_id', 'domain'])
    .where('tenant_id', '=', tenantId)
    .where('status_page_id', 'in', pageIds)
    .orderBy('domain')
    .execute();
  for (const row of rows) {
    result.set(row.status_page_id, [...(result.get(row.status_page_id) ?? []), row.domain]);
  }
  return result;
}

export interface SaveStatusPageInput {
  config: StatusPageConfigInput;
  logo: LogoInput;
  groups: readonly PublicGroupInput[];
  now: Date;
  /**
   * New domains wait for their TXT record before they route (the service sets this under DNS
   * verification); unset, they route at once, as in Kuma.
   */
  awaitDomainVerification?: boolean;
}

/**
 * `saveStatusPage` (docs/protocol/status-pages.md) in one transaction, so a refused save changes nothing:
 * config and domains, then the groups in array order (weight = position) with their monitor
 * lists replaced; groups of the page missing from the list are deleted. Answers each
 * group's id in input order.
 */
export async function saveStatusPage(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
  input: SaveStatusPageInput,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const page = await trx
      .selectFrom('status_pages')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('slug', '=', slug)
      .forUpdate()
      .executeTakeFirst();
    if (!page) throw new AppError('not-found', NO_SLUG_MSG);
    const { config, logo } = input;
    if (config.slug !== slug && (await findStatusPage(trx, tenantId, config.slug))) {
      throw new AppError('conflict', SLUG_TAKEN_MSG);
    }
    await assertOwnMonitors(trx, tenantId, input.groups);
    await replaceDomains(trx, tenantId, page.id, config.domainNameList, input);
    await trx
      .updateTable('status_pages')
      .set({
        slug: config.slug,
        title: config.title,
        description: config.description,
        theme: config.theme,
        show_tags: config.showTags,
        footer_text: config.footerText,
        custom_css: config.customCSS,
        show_powered_by: config.showPoweredBy,
        show_certificate_expiry: config.showCertificateExpiry,
        auto_refresh_interval: config.autoRefreshInterval,
        google_analytics_id: config.googleAnalyticsId,
        modified_at: input.now,
        // Upstream's icon URL for an upload; `t` makes browsers drop the old logo.
        ...(logo.kind === 'png'
          ? { logo: logo.bytes, icon: `/upload/logo${page.id}.png?t=${input.now.getTime()}` }
          : logo.icon !== null && { icon: logo.icon }),
      })
      .where('id', '=', page.id)
      .where('tenant_id', '=', tenantId)
      .execute();
    if (config.slug !== slug) {
      await repointEntryPage(trx, tenantId, slug, `statusPage-${config.slug}`);
    }
    return replaceGroups(trx, tenantId, page.id, input.groups);
  });
}

// Monitors are named by id from the client; another tenant's id must fail like a missing
// one, before anything is written.
async function assertOwnMonitors(
  trx: Transaction<Database>,
  tenantId: number,
  groups: readonly PublicGroupInput[],
): Promise<void> {
  const ids = [...new Set(groups.flatMap((g) => g.monitorList.map((m) => m.id)))];
  if (ids.length === 0) return;
  const found = await trx
    .selectFrom('monitors')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length)
    throw new AppError('not-found', STATUS_PAGE_MONITOR_NOT_FOUND_MSG);
}

// Upstream moves a domain from another page to this one; within a tenant that is kept, with
// its token and verification. Another tenant's claim blocks a domain only once verified: an
// unverified claim must not let a squatter lock the real owner out
// (docs/protocol/status-pages.md#custom-domains).
async function replaceDomains(
  trx: Transaction<Database>,
  tenantId: number,
  pageId: number,
  domains: readonly string[],
  { now, awaitDomainVerification }: Pick<SaveStatusPageInput, 'now' | 'awaitDomainVerification'>,
): Promise<void> {
  if (domains.length > 0) {
    const foreign = await trx
      .selectFrom('status_page_domains')
      .select('domain')
      .where('domain', 'in', domains)
      .where('tenant_id', '<>', tenantId)
      .where('verified_at', 'is not', null)
      .executeTakeFirst();
    if (foreign) throw new AppError('conflict', `Domain ${foreign.domain} is already in use`);
  }
  await trx
    .deleteFrom('status_page_domains')
    .where('tenant_id', '=', tenantId)
    .where('status_page_id', '=', pageId)
    .$if(domains.length > 0, (q) => q.where('domain', 'not in', domains))
    .execute();
  if (domains.length === 0) return;
  await trx
    .insertInto('status_page_domains')
    .values(
      domains.map((domain) => ({
        domain,
        tenant_id: tenantId,
        status_page_id: pageId,
        verification_token: randomBytes(16).toString('hex'),
        verified_at: awaitDomainVerification ? null : now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'domain']).doUpdateSet((eb) => ({
        status_page_id: eb.ref('excluded.status_page_id'),
        verified_at: eb.fn.coalesce('status_page_domains.verified_at', 'excluded.verified_at'),
      })),
    )
    .execute();
}

/** The page's domains with their tokens and whether each is verified, by domain. */
export async function listPageDomainVerifications(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
): Promise<{ domain: string; token: string; verified: boolean }[]> {
  const rows = await db
    .selectFrom('status_page_domains as d')
    .innerJoin('status_pages as p', 'p.id', 'd.status_page_id')
    .select(['d.domain', 'd.verification_token', 'd.verified_at'])
    .where('d.tenant_id', '=', tenantId)
    .where('p.tenant_id', '=', tenantId)
    .where('p.slug', '=', slug)
    .orderBy('d.domain')
    .execute();
  return rows.map((r) => ({
    domain: r.domain,
    token: r.verification_token,
    verified: r.verified_at !== null,
  }));
}

/**
 * Marks the tenant's claim of `domain` verified. False when another tenant's verified claim
 * holds the domain (the unique index allows one), which leaves this claim unverified.
 */
export async function markDomainVerified(
  db: Kysely<Database>,
  tenantId: number,
  domain: string,
  now: Date,
): Promise<boolean> {
  try {
    const result = await db
      .updateTable('status_page_domains')
      .set({ verified_at: now })
      .where('tenant_id', '=', tenantId)
      .where('domain', '=', domain)
      .where('verified_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

async function replaceGroups(
  trx: Transaction<Database>,
  tenantId: number,
  pageId: number,
  groups: readonly PublicGroupInput[],
): Promise<number[]> {
  const existing = new Set(
    (
      await trx
        .selectFrom('status_page_groups')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('status_page_id', '=', pageId)
        .execute()
    ).map((g) => g.id),
  );
  const ids: number[] = [];
  for (const [index, group] of groups.entries()) {
    const weight = index + 1;
    // A group id of another page (or tenant) is treated as absent, like upstream: a new one.
    let id = group.id != null && existing.has(group.id) && !ids.includes(group.id) ? group.id : 0;
    if (id) {
      await trx
        .updateTable('status_page_groups')
        .set({ name: group.name, weight })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('status_page_monitors').where('group_id', '=', id).execute();
    } else {
      id = (
        await trx
          .insertInto('status_page_groups')
          .values({ tenant_id: tenantId, status_page_id: pageId, name: group.name, weight })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    ids.push(id);
    const seen = new Set<number>();
    const members = group.monitorList.filter((m) => !seen.has(m.id) && seen.add(m.id));
    if (members.length > 0) {
      await trx
        .insertInto('status_page_monitors')
        .values(
          members.map((m, i) => ({
            tenant_id: tenantId,
            group_id: id,
            monitor_id: m.id,
            weight: i + 1,
            send_url: m.sendUrl,
          })),
        )
        .execute();
    }
  }
  const stale = [...existing].filter((id) => !ids.includes(id));
  if (stale.length > 0) {
    await trx.deleteFrom('status_page_groups').where('id', 'in', stale).execute();
  }
  return ids;
}

/** Deletes the page with its groups, memberships, incidents and domains (cascades). */
export async function deleteStatusPage(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('status_pages')
      .where('tenant_id', '=', tenantId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) return false;
    await repointEntryPage(trx, tenantId, slug, 'dashboard');
    return true;
  });
}

/**
 * docs/protocol/status-pages.md: an `entryPage` setting of `statusPage-<slug>` follows the page when it is renamed
 * and falls back to the dashboard when it is deleted, so `/` never leads to a missing page.
 */
async function repointEntryPage(
  trx: Transaction<Database>,
  tenantId: number,
  oldSlug: string,
  entryPage: string,
): Promise<void> {
  await trx
    .updateTable('tenant_settings')
    .set({ value: JSON.stringify(entryPage) })
    .where('tenant_id', '=', tenantId)
    .where('key', '=', 'entryPage')
    .where(sql<boolean>`value = ${JSON.stringify(`statusPage-${oldSlug}`)}::jsonb`)
    .execute();
}
