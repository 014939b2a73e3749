import type { Kysely } from 'kysely';
import {
  incidentRepository,
  publicStatusPageRepository,
  statusPageRepository,
  toIncidentJson,
  toPublicStatusPageConfig,
  type Database,
} from '@watchpost/core/db';
import type { PublicResponse } from '../public-cache/public-response-cache.js';
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

// The page runs no script at all; should escaping ever miss, the browser still refuses to
// run one. Styles stay inline (the owner's custom CSS), images may come from anywhere.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http: data:; " +
  "manifest-src 'self'; base-uri 'none'; form-action 'none'";

const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not Found</title></head>' +
  '<body><h1>Status page not found</h1></body></html>';

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
  const [groups, incident] = await Promise.all([
    publicStatusPageRepository.listPageGroups(db, tenantId, row.id),
    incidentRepository.findPinnedIncident(db, tenantId, row.id),
  ]);
  const uptimes = await publicStatusPageRepository.loadDayUptimes(db, tenantId, groups, now);
  const html = renderStatusPage({
    config: toPublicStatusPageConfig(row),
    incident: incident ? toIncidentJson(incident, 'bool01') : null,
    groups,
    uptimes,
    basePath: `${tenantPrefix}/api/status-page/${encodeURIComponent(row.slug)}`,
  });
  return {
    statusCode: 200,
    contentType: HTML,
    body: html,
    headers: { 'Content-Security-Policy': PAGE_CSP },
    tenantId,
  };
}
