import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  findStatusPageLogo,
  incidentRepository,
  listPageGroups,
  loadDayUptimes,
  loadPublicStatusPage,
  loadStatusPageHeartbeats,
  statusPageRepository,
  toIncidentJson,
  toPublicStatusPageConfig,
  type Database,
} from '@watchpost/core/db';
import { renderBadge } from '../badges/badge-format.js';
import { renderStatusPage } from './render-status-page.js';
import { resolveStatusTenant, STATUS_PAGE_PREFIXES } from './resolve-status-tenant.js';
import { statusPageBadge, statusPageBadgeQuerySchema } from './status-page-badge.js';

export interface StatusPageRouteDeps {
  db: Kysely<Database>;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
}

// Spec §11.2: upstream leaves an unknown slug hanging; the recommended answer instead.
const NOT_FOUND = { status: 'fail', msg: 'Not Found' } as const;

const slugParams = z.object({ slug: z.string().max(255) });

// No server-side cache yet: every answer is read fresh, so a save shows at once (spec §7.1
// allows omitting the cache; it only forbids being staler than upstream).
const NO_CACHE = 'no-cache';
// Embedded <img> badges are fetched on every page view of someone else's site.
const BADGE_MAX_AGE = 'public, max-age=30';

/**
 * The public status-page routes of spec §7.4 and §7.2, plus the server-rendered page, under
 * Kuma's paths and under `/t/<tenantId>` (see resolveStatusTenant for which tenant a request
 * means). No authentication: what they show is what the page's owner published.
 */
export function registerStatusPageRoutes(app: FastifyInstance, deps: StatusPageRouteDeps): void {
  const { db, now = () => new Date() } = deps;

  const pageOf = async (request: { hostname: string; params: unknown }) => {
    const params = slugParams.safeParse(request.params);
    if (!params.success) return undefined;
    const tenantId = await resolveStatusTenant(db, request);
    return tenantId === undefined ? undefined : { tenantId, slug: params.data.slug };
  };
  const notFound = (reply: FastifyReply) => reply.code(404).send(NOT_FOUND);

  for (const prefix of STATUS_PAGE_PREFIXES) {
    // Registered before `/:slug` routes only for readability; static segments win anyway.
    app.get(`${prefix}/api/status-page/heartbeat/:slug`, async (request, reply) => {
      const page = await pageOf(request);
      reply.header('Cache-Control', NO_CACHE);
      if (!page) return { heartbeatList: {}, uptimeList: {} };
      return loadStatusPageHeartbeats(db, page.tenantId, page.slug, now());
    });

    app.get(`${prefix}/api/status-page/:slug`, async (request, reply) => {
      const page = await pageOf(request);
      const body = page && (await loadPublicStatusPage(db, page.tenantId, page.slug, now()));
      if (!body) return notFound(reply);
      return reply.header('Cache-Control', NO_CACHE).send(body);
    });

    app.get(`${prefix}/api/status-page/:slug/manifest.json`, async (request, reply) => {
      const page = await pageOf(request);
      const row = page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
      if (!page || !row) return notFound(reply);
      const tenantPrefix = prefix ? `/t/${page.tenantId}` : '';
      return {
        name: row.title,
        start_url: `${tenantPrefix}/status/${row.slug}`,
        display: 'standalone',
        icons: [{ src: toPublicStatusPageConfig(row).icon, sizes: '128x128', type: 'image/png' }],
      };
    });

    app.get(`${prefix}/api/status-page/:slug/badge`, async (request, reply) => {
      const query = statusPageBadgeQuerySchema.safeParse(request.query);
      if (!query.success) {
        return reply.code(400).send({ status: 'fail', msg: query.error.issues[0]?.message });
      }
      const page = await pageOf(request);
      const row = page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
      // An unknown page shows N/A like a page without beats: badges are images, not errors.
      const groups = page && row ? await listPageGroups(db, page.tenantId, row.id) : [];
      return reply
        .header('Cache-Control', BADGE_MAX_AGE)
        .type('image/svg+xml; charset=utf-8')
        .send(renderBadge(statusPageBadge(groups, query.data)));
    });

    app.get(`${prefix}/status/:slug`, async (request, reply) => {
      const page = await pageOf(request);
      const row = page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
      if (!page || !row) {
        return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_HTML);
      }
      const [groups, incident] = await Promise.all([
        listPageGroups(db, page.tenantId, row.id),
        incidentRepository.findPinnedIncident(db, page.tenantId, row.id),
      ]);
      const uptimes = await loadDayUptimes(db, page.tenantId, groups, now());
      const tenantPrefix = prefix ? `/t/${page.tenantId}` : '';
      const html = renderStatusPage({
        config: toPublicStatusPageConfig(row),
        incident: incident ? toIncidentJson(incident, 'bool01') : null,
        groups,
        uptimes,
        basePath: `${tenantPrefix}/api/status-page/${encodeURIComponent(row.slug)}`,
      });
      return reply
        .header('Cache-Control', NO_CACHE)
        .header('Content-Security-Policy', PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(html);
    });
  }

  // Uploaded logos live in the database (no file is ever written); page ids are global.
  app.get('/upload/:file', async (request, reply) => {
    const file = z
      .object({ file: z.string().regex(/^logo\d{1,9}\.png$/) })
      .safeParse(request.params);
    const logo = file.success
      ? await findStatusPageLogo(db, Number(file.data.file.slice(4, -4)))
      : undefined;
    if (!logo) return reply.code(404).type('text/plain; charset=utf-8').send('File not found.');
    return reply
      .header('Cache-Control', 'public, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .type('image/png')
      .send(Buffer.from(logo));
  });
}

// The page runs no script at all; should escaping ever miss, the browser still refuses to
// run one. Styles stay inline (the owner's custom CSS), images may come from anywhere.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: http: data:; " +
  "manifest-src 'self'; base-uri 'none'; form-action 'none'";

const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not Found</title></head>' +
  '<body><h1>Status page not found</h1></body></html>';
