import type { Kysely } from 'kysely';
import {
  heartbeatRepository,
  incidentRepository,
  maintenanceRepository,
  publicStatusPageRepository,
  resolveTenantTimeZone,
  settingsRepository,
  statusPageHistoryRepository,
  statusPageRepository,
  tagRepository,
  toIncidentJson,
  toMaintenanceJson,
  toPublicStatusPageConfig,
  type Database,
} from '@watchpost/core/db';
import type { PublicResponse } from '../public-cache/public-response-cache.js';
import { BEAT_SLOTS } from './beat-bar.js';
import { HISTORY_DAYS } from './day-history.js';
import { renderStatusPage } from './render-status-page.js';

export interface StatusPageHtmlRequest {
  /** Undefined when no tenant matched: answered like an unknown slug. */
  tenantId: number | undefined;
  slug: string;
  /** `/t/<tenantId>` when the page was asked for under that prefix, else ''. */
  tenantPrefix: string;
  now: Date;
}

const HTML = 'text/html; charset=utf-8';

// Scripts only from this origin (the page's own refresh script, never inline), and fetches
// only back to it; should escaping ever miss, the browser still refuses to run injected
// markup. Styles stay inline (the owner's custom CSS), images may come from anywhere.
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
  "img-src 'self' https: http: data:; manifest-src 'self'; base-uri 'none'; form-action 'none'";

const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not Found</title></head>' +
  '<body><h1>Status page not found</h1></body></html>';

// The page's incidents older than the history are not shown; a page posting more than this
// many in 90 days shows the newest.
const MAX_HISTORY_INCIDENTS = 200;

/** The server-rendered page (`/status/:slug`, or `/` on a custom domain); 404 if unknown. */
export async function loadStatusPageHtml(
  db: Kysely<Database>,
  { tenantId, slug, tenantPrefix, now }: StatusPageHtmlRequest,
): Promise<PublicResponse> {
  const row =
    tenantId === undefined
      ? undefined
      : await statusPageRepository.findStatusPage(db, tenantId, slug);
  if (tenantId === undefined || !row) {
    return { statusCode: 404, contentType: HTML, body: NOT_FOUND_HTML, tenantId };
  }
  const since = statusPageHistoryRepository.historyStart(now, HISTORY_DAYS);
  const [groups, incident, incidents, maintenances, tags, zoneSetting] = await Promise.all([
    publicStatusPageRepository.listPageGroups(db, tenantId, row.id),
    incidentRepository.findPinnedIncident(db, tenantId, row.id),
    statusPageHistoryRepository.listPageIncidents(db, tenantId, row.id, {
      since,
      limit: MAX_HISTORY_INCIDENTS,
    }),
    maintenanceRepository.listStatusPageMaintenances(db, tenantId, row.id),
    row.showTags ? tagRepository.monitorTagsOf(db, tenantId) : new Map(),
    settingsRepository.getSetting(db, tenantId, 'serverTimezone'),
  ]);
  const ids = publicStatusPageRepository.pageMonitorIds(groups);
  const [uptimes, beats, days] = await Promise.all([
    publicStatusPageRepository.loadDayUptimes(db, tenantId, groups, now),
    heartbeatRepository.listLatestBeats(db, tenantId, ids, BEAT_SLOTS),
    statusPageHistoryRepository.listDailyStats(db, tenantId, ids, since),
  ]);
  const html = renderStatusPage({
    config: toPublicStatusPageConfig(row),
    incident: incident ? toIncidentJson(incident, 'bool01') : null,
    // docs/protocol/status-pages.md#page-data: the linked windows in progress now.
    maintenances: maintenances
      .map((m) => toMaintenanceJson(m, now.getTime()))
      .filter((m) => m.status === 'under-maintenance'),
    groups,
    uptimes,
    beats,
    days,
    incidents,
    tags,
    basePath: `${tenantPrefix}/api/status-page/${encodeURIComponent(row.slug)}`,
    pagePath: `${tenantPrefix}/status/${encodeURIComponent(row.slug)}`,
    timeZone: resolveTenantTimeZone(zoneSetting),
    now,
  });
  return {
    statusCode: 200,
    contentType: HTML,
    body: html,
    headers: { 'Content-Security-Policy': PAGE_CSP },
    tenantId,
  };
}
