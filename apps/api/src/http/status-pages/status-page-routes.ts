import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  publicStatusPageRepository,
  statusPageHistoryRepository,
  statusPageRepository,
  toPublicStatusPageConfig,
  type Database,
} from '@watchpost/core/db';
import { renderBadge } from '../badges/badge-format.js';
import type { PublicResponse, PublicResponseCache } from '../public-cache/public-response-cache.js';
import { loadStatusPageHtml } from './status-page-html.js';
import {
  resolveStatusTenant,
  STATUS_PAGE_PREFIXES,
  type StatusRequest,
} from './resolve-status-tenant.js';
import { overallStatus } from './overall-status.js';
import { statusPageBadge, statusPageBadgeQuerySchema } from './status-page-badge.js';
import { STATUS_PAGE_SCRIPT } from './status-page-client.js';
import { renderIncidentFeed } from './status-page-feed.js';
import {
  renderStatusWidget,
  renderStatusWidgetHtml,
  widgetQuerySchema,
} from './status-page-widget.js';

export interface StatusPageRouteDeps {
  db: Kysely<Database>;
  /** This node's cache of public answers, emptied by page and monitor changes on any node. */
  cache: PublicResponseCache;
  /** Clock; tests pass a fixed one. */
  now?: () => Date;
}

// docs/protocol/compatibility.md#unknown-status-page-slug: upstream leaves an unknown slug hanging; the recommended answer instead.
const NOT_FOUND = { status: 'fail', msg: 'Not Found' } as const;

// Postgres text cannot hold U+0000: such a slug names no page (and must not reach a query).
const slugParams = z.object({
  slug: z
    .string()
    .max(255)
    .refine((slug) => !slug.includes('\u0000')),
});

// Upstream keeps these 5 minutes (heartbeats 1 minute) but also empties its cache on every
// important beat. Beats reach no API node here (workers emit straight to the sockets), so a
// status change shows when the entry expires: 30 s, the budget badges already use (a change
// visible within a minute even through a browser's max-age of 30 s). The heartbeat list
// changes with every check, and the page polls it, so it is kept for 10 s only.
export const PAGE_TTL_MS = 30_000;
export const HEARTBEAT_TTL_MS = 10_000;
// Embedded <img> badges are fetched on every page view of someone else's site.
const BADGE_CACHE_CONTROL = 'public, max-age=30';
// Upstream's `/status` and `/status-page` show the page with this slug.
const DEFAULT_SLUG = 'default';
// The HTML widget is made to be framed by any site: `frame-ancestors` lets it be (browsers
// then ignore the X-Frame-Options every answer carries), and it needs nothing but its
// inline style.
const WIDGET_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";
// Feed readers poll; the newest incidents are what they want.
const FEED_ENTRIES = 50;

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (statusCode: number, value: unknown, tenantId: number | undefined) =>
  ({
    statusCode,
    contentType: JSON_TYPE,
    body: JSON.stringify(value),
    tenantId,
  }) satisfies PublicResponse;

/**
 * The public status-page routes of docs/protocol/status-pages.md#json-endpoints and docs/protocol/http.md#badges, plus the server-rendered page, under
 * Kuma's paths and under `/t/<tenantId>` (see resolveStatusTenant for which tenant a request
 * means). No authentication: what they show is what the page's owner published. Answers come
 * from the node's response cache when it has them (docs/protocol/http.md#general-behaviour).
 */
export function registerStatusPageRoutes(app: FastifyInstance, deps: StatusPageRouteDeps): void {
  const { db, cache, now = () => new Date() } = deps;

  const pageOf = async (request: StatusRequest, fixedSlug?: string) => {
    const slug = fixedSlug ?? slugParams.safeParse(request.params).data?.slug;
    if (slug === undefined) return undefined;
    const tenantId = await resolveStatusTenant(db, request);
    return tenantId === undefined ? undefined : { tenantId, slug };
  };
  const notFound = (reply: FastifyReply) => reply.code(404).send(NOT_FOUND);

  for (const prefix of STATUS_PAGE_PREFIXES) {
    // Registered before `/:slug` routes only for readability; static segments win anyway.
    app.get(`${prefix}/api/status-page/heartbeat/:slug`, (request, reply) =>
      cache.serve(request, reply, HEARTBEAT_TTL_MS, async () => {
        const page = await pageOf(request);
        if (!page) return json(200, { heartbeatList: {}, uptimeList: {} }, undefined);
        const body = await publicStatusPageRepository.loadStatusPageHeartbeats(
          db,
          page.tenantId,
          page.slug,
          now(),
        );
        return json(200, body, page.tenantId);
      }),
    );

    app.get(`${prefix}/api/status-page/:slug`, (request, reply) =>
      cache.serve(request, reply, PAGE_TTL_MS, async () => {
        const page = await pageOf(request);
        const body =
          page &&
          (await publicStatusPageRepository.loadPublicStatusPage(
            db,
            page.tenantId,
            page.slug,
            now(),
          ));
        return body ? json(200, body, page.tenantId) : json(404, NOT_FOUND, page?.tenantId);
      }),
    );

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
      return cache.serve(request, reply, PAGE_TTL_MS, async () => {
        const page = await pageOf(request);
        const row =
          page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
        // An unknown page shows N/A like a page without beats: badges are images, not errors.
        const groups =
          page && row
            ? await publicStatusPageRepository.listPageGroups(db, page.tenantId, row.id)
            : [];
        return {
          statusCode: 200,
          contentType: 'image/svg+xml; charset=utf-8',
          body: renderBadge(statusPageBadge(groups, query.data)),
          cacheControl: BADGE_CACHE_CONTROL,
          tenantId: page?.tenantId,
        };
      });
    });

    app.get(`${prefix}/status/:slug/feed.atom`, (request, reply) =>
      cache.serve(request, reply, PAGE_TTL_MS, async () => {
        const page = await pageOf(request);
        const row =
          page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
        if (!page || !row) return json(404, NOT_FOUND, page?.tenantId);
        const incidents = await statusPageHistoryRepository.listPageIncidents(
          db,
          page.tenantId,
          row.id,
          { limit: FEED_ENTRIES },
        );
        // Atom wants absolute IRIs; the host is part of the cache key, so each host gets its own.
        const pageUrl = `${request.protocol}://${request.host}${prefix && `/t/${page.tenantId}`}/status/${encodeURIComponent(row.slug)}`;
        return {
          statusCode: 200,
          contentType: 'application/atom+xml; charset=utf-8',
          body: renderIncidentFeed({
            title: row.title,
            pageUrl,
            feedUrl: `${pageUrl}/feed.atom`,
            incidents,
            now: now(),
          }),
          tenantId: page.tenantId,
        };
      }),
    );

    // The verdict card, as an image (`widget.svg`) or as a tiny HTML page for an iframe
    // (`widget`); like the badge, an unknown page is a card saying so, not an error.
    const serveWidget =
      (format: 'svg' | 'html') => async (request: FastifyRequest, reply: FastifyReply) => {
        const query = widgetQuerySchema.safeParse(request.query);
        if (!query.success) {
          return reply.code(400).send({ status: 'fail', msg: query.error.issues[0]?.message });
        }
        return cache.serve(request, reply, PAGE_TTL_MS, async () => {
          const page = await pageOf(request);
          const row =
            page && (await statusPageRepository.findStatusPage(db, page.tenantId, page.slug));
          const groups =
            page && row
              ? await publicStatusPageRepository.listPageGroups(db, page.tenantId, row.id)
              : [];
          const verdict = overallStatus(groups.flatMap((g) => g.monitors.map((m) => m.status)));
          const title = row?.title ?? 'Unknown status page';
          const tenantPrefix = prefix && page ? `/t/${page.tenantId}` : '';
          const pagePath = `${tenantPrefix}/status/${encodeURIComponent(row?.slug ?? page?.slug ?? '')}`;
          return format === 'svg'
            ? {
                statusCode: 200,
                contentType: 'image/svg+xml; charset=utf-8',
                body: renderStatusWidget(title, verdict, query.data),
                cacheControl: BADGE_CACHE_CONTROL,
                tenantId: page?.tenantId,
              }
            : {
                statusCode: 200,
                contentType: 'text/html; charset=utf-8',
                body: renderStatusWidgetHtml(title, verdict, query.data, pagePath),
                cacheControl: BADGE_CACHE_CONTROL,
                headers: { 'Content-Security-Policy': WIDGET_CSP },
                tenantId: page?.tenantId,
              };
        });
      };
    app.get(`${prefix}/status/:slug/widget.svg`, serveWidget('svg'));
    app.get(`${prefix}/status/:slug/widget`, serveWidget('html'));

    const servePage = (fixedSlug?: string) => (request: FastifyRequest, reply: FastifyReply) =>
      cache.serve(request, reply, PAGE_TTL_MS, async () => {
        const page = await pageOf(request, fixedSlug);
        return loadStatusPageHtml(db, {
          tenantId: page?.tenantId,
          slug: page?.slug ?? '',
          tenantPrefix: prefix && page ? `/t/${page.tenantId}` : '',
          now: now(),
        });
      });
    app.get(`${prefix}/status/:slug`, servePage());
    app.get(`${prefix}/status`, servePage(DEFAULT_SLUG));
    app.get(`${prefix}/status-page`, servePage(DEFAULT_SLUG));
  }

  // Versioned by content (STATUS_PAGE_SCRIPT_PATH), so any copy may be kept for good.
  app.get('/status-page.js', (_request, reply) =>
    reply
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .type('text/javascript; charset=utf-8')
      .send(STATUS_PAGE_SCRIPT),
  );

  // Uploaded logos live in the database (no file is ever written); page ids are global.
  app.get('/upload/:file', async (request, reply) => {
    const file = z
      .object({ file: z.string().regex(/^logo\d{1,9}\.png$/) })
      .safeParse(request.params);
    const logo = file.success
      ? await publicStatusPageRepository.findStatusPageLogo(db, Number(file.data.file.slice(4, -4)))
      : undefined;
    if (!logo) return reply.code(404).type('text/plain; charset=utf-8').send('File not found.');
    return reply
      .header('Cache-Control', 'public, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .type('image/png')
      .send(Buffer.from(logo));
  });
}
