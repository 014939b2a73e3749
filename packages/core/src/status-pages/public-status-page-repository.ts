import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { listLatestBeats } from '../heartbeats/heartbeat-repository.js';
import { formatDateTimeMs } from '../heartbeats/kuma-time.js';
import { listStatusPageMaintenances } from '../maintenance/maintenance-repository.js';
import { toMaintenanceJson } from '../maintenance/maintenance-wire.js';
import { MAINTENANCE, UP } from '../monitors/monitor-status.js';
import { getWindowStats } from '../stats/stats-repository.js';
import { uptimeRatio } from '../stats/window-stats.js';
import { monitorTagsOf } from '../tags/tag-repository.js';
import { findPinnedIncident } from './incident-repository.js';
import { findStatusPage } from './status-page-repository.js';
import type { StatusPage } from './status-page.js';
import { toIncidentJson, toPublicStatusPageConfig } from './status-page-wire.js';

// What visitors of a status page may see (docs/protocol/status-pages.md#json-endpoints), without a login. Reads stay
// tenant-scoped once the tenant is known: the caller decides which tenant the request means
// (findTenantByDomain, findDefaultTenantId).

// docs/protocol/status-pages.md#json-endpoints: the heartbeat endpoint lists the last 50 beats per monitor.
const PUBLIC_BEATS = 50;
const CERT_TYPES = new Set(['http', 'keyword', 'json-query']);

/** One monitor of a page's group, with the live facts the page and badge show. */
export interface PageMonitor {
  id: number;
  name: string;
  type: string;
  url: string | null;
  sendUrl: boolean;
  status: number | null;
  certValid: boolean | null;
  certDaysRemaining: number | null;
}

export interface PageGroup {
  id: number;
  name: string;
  weight: number;
  monitors: PageMonitor[];
}

/** The page's groups in weight order, each with its monitors in display order. */
export async function listPageGroups(
  db: Kysely<Database>,
  tenantId: number,
  pageId: number,
): Promise<PageGroup[]> {
  const rows = await db
    .selectFrom('status_page_groups as g')
    .leftJoin('status_page_monitors as spm', (join) =>
      join.onRef('spm.group_id', '=', 'g.id').onRef('spm.tenant_id', '=', 'g.tenant_id'),
    )
    .leftJoin('monitors as m', (join) =>
      join.onRef('m.id', '=', 'spm.monitor_id').onRef('m.tenant_id', '=', 'g.tenant_id'),
    )
    .leftJoin('monitor_state as s', 's.monitor_id', 'm.id')
    .select([
      'g.id as group_id',
      'g.name as group_name',
      'g.weight as group_weight',
      'm.id as monitor_id',
      'm.name as monitor_name',
      'm.type',
      'm.url',
      'spm.send_url',
      's.status',
      's.cert_valid',
      's.cert_days_remaining',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('g.status_page_id', '=', pageId)
    .orderBy('g.weight')
    .orderBy('g.id')
    .orderBy('spm.weight')
    .execute();
  const groups = new Map<number, PageGroup>();
  for (const row of rows) {
    let group = groups.get(row.group_id);
    if (!group) {
      group = { id: row.group_id, name: row.group_name, weight: row.group_weight, monitors: [] };
      groups.set(row.group_id, group);
    }
    if (row.monitor_id === null) continue;
    group.monitors.push({
      id: row.monitor_id,
      name: row.monitor_name ?? '',
      type: row.type ?? '',
      url: row.url ?? null,
      sendUrl: row.send_url ?? false,
      status: row.status ?? null,
      certValid: row.cert_valid ?? null,
      certDaysRemaining: row.cert_days_remaining ?? null,
    });
  }
  return [...groups.values()];
}

/** PublicMonitor of docs/protocol/status-pages.md#object-shapes; `tags` only when the page shows them. */
export function toPublicMonitorJson(page: StatusPage, m: PageMonitor, tags: unknown[] = []) {
  const showCert =
    page.showCertificateExpiry &&
    CERT_TYPES.has(m.type) &&
    (m.url ?? '').toLowerCase().startsWith('https:');
  return {
    id: m.id,
    name: m.name,
    sendUrl: m.sendUrl ? 1 : 0,
    type: m.type,
    ...(m.sendUrl && { url: m.url }),
    ...(page.showTags && { tags }),
    ...(showCert && {
      certExpiryDaysRemaining: m.certDaysRemaining ?? '',
      validCert: m.certValid === true,
    }),
  };
}

/** `GET /api/status-page/:slug`; undefined for an unknown slug. */
export async function loadPublicStatusPage(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
  now: Date = new Date(),
) {
  const page = await findStatusPage(db, tenantId, slug);
  if (!page) return undefined;
  const [incident, groups, tags, maintenances] = await Promise.all([
    findPinnedIncident(db, tenantId, page.id),
    listPageGroups(db, tenantId, page.id),
    page.showTags ? monitorTagsOf(db, tenantId) : new Map<number, unknown[]>(),
    listStatusPageMaintenances(db, tenantId, page.id),
  ]);
  return {
    config: toPublicStatusPageConfig(page),
    incident: incident ? toIncidentJson(incident, 'bool01') : null,
    publicGroupList: groups.map((g) => ({
      id: g.id,
      name: g.name,
      weight: g.weight,
      monitorList: g.monitors.map((m) => toPublicMonitorJson(page, m, tags.get(m.id))),
    })),
    // docs/protocol/status-pages.md#json-endpoints: only the linked windows that are in progress right now.
    maintenanceList: maintenances
      .map((m) => toMaintenanceJson(m, now.getTime()))
      .filter((m) => m.status === 'under-maintenance'),
  };
}

/** Every monitor id shown on the page, once each. */
export function pageMonitorIds(groups: readonly PageGroup[]): number[] {
  return [...new Set(groups.flatMap((g) => g.monitors.map((m) => m.id)))];
}

/** 24 h uptime per monitor from the aggregates (architecture rule 8), with docs/protocol/monitoring.md#uptime's fallback. */
export async function loadDayUptimes(
  db: Kysely<Database>,
  tenantId: number,
  groups: readonly PageGroup[],
  now: Date,
): Promise<Map<number, number>> {
  const ids = pageMonitorIds(groups);
  const stats = await getWindowStats(db, tenantId, ids, 24, now);
  const status = new Map(groups.flatMap((g) => g.monitors.map((m) => [m.id, m.status])));
  const result = new Map<number, number>();
  for (const id of ids) {
    const s = status.get(id);
    result.set(id, uptimeRatio(stats.get(id), s === UP || s === MAINTENANCE));
  }
  return result;
}

/** `GET /api/status-page/heartbeat/:slug`: empty objects for an unknown slug (docs/protocol/status-pages.md#json-endpoints). */
export async function loadStatusPageHeartbeats(
  db: Kysely<Database>,
  tenantId: number,
  slug: string,
  now: Date,
) {
  const heartbeatList: Record<
    string,
    { status: number; time: string; msg: ''; ping: number | null }[]
  > = {};
  const uptimeList: Record<string, number> = {};
  const page = await findStatusPage(db, tenantId, slug);
  if (!page) return { heartbeatList, uptimeList };
  const groups = await listPageGroups(db, tenantId, page.id);
  const ids = pageMonitorIds(groups);
  const [beats, uptimes] = await Promise.all([
    listLatestBeats(db, tenantId, ids, PUBLIC_BEATS),
    loadDayUptimes(db, tenantId, groups, now),
  ]);
  for (const id of ids) {
    // PublicHeartbeat (docs/protocol/monitors.md#publicheartbeat): the message is blanked, it may reveal internals.
    heartbeatList[id] = (beats.get(id) ?? []).map((b) => ({
      status: b.status,
      time: formatDateTimeMs(b.time),
      msg: '',
      ping: b.pingMs,
    }));
    uptimeList[`${id}_24`] = uptimes.get(id) ?? 0;
  }
  return { heartbeatList, uptimeList };
}

// Which tenant a public status-page request means. Slugs are unique per tenant, so the URL
// alone does not say; these are the two facts the HTTP layer decides with.

/** The tenant whose page has this custom domain (`domainNameList`), verified, if any. */
export async function findTenantByDomain(
  db: Kysely<Database>,
  domain: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('status_page_domains')
    .select('tenant_id')
    .where('domain', '=', domain.toLowerCase())
    // An unverified claim is listed to its tenant but routes nothing (docs/protocol/status-pages.md#custom-domains).
    .where('verified_at', 'is not', null)
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
 * `/upload/logo<id>.png` needs no tenant (the URL upstream gives it, docs/protocol/status-pages.md).
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
