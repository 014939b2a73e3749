import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@watchpost/core/db';
import type { ChangeBus } from '@watchpost/core/changes';
import { createTtlLruCache, type TtlLruCacheOptions } from './badge-cache.js';
import { loadBadgeFacts } from './badge-facts.js';
import { renderBadge, toBadgeFormat } from './badge-format.js';
import { parseBadgeRequest } from './badge-params.js';
import { BADGE_KINDS, type BadgeKind } from './badge-request.js';
import { matchesIfNoneMatch, strongEtag } from './etag.js';

export interface BadgeRouteDeps {
  db: Kysely<Database>;
  /**
   * When given, any monitor change (edit, pause, delete …) on any node empties this node's
   * cache, so switching `badgesPublic` off hides the data at once instead of after the TTL.
   */
  changeBus?: Pick<ChangeBus, 'subscribe'> & Partial<Pick<ChangeBus, 'subscribeStatusPageChanges'>>;
  cache?: Partial<Pick<TtlLruCacheOptions, 'maxEntries' | 'ttlMs'>>;
  /** Clock in ms; tests pass a fake one. */
  now?: () => number;
}

/** The route of each badge kind (docs/protocol/http.md#badges). */
export const BADGE_PATHS: Record<BadgeKind, string> = {
  status: '/api/badge/:id/status',
  uptime: '/api/badge/:id/uptime/:duration?',
  ping: '/api/badge/:id/ping/:duration?',
  'avg-response': '/api/badge/:id/avg-response/:duration?',
  'cert-exp': '/api/badge/:id/cert-exp',
  response: '/api/badge/:id/response',
};

// A status change must show within 60 s (issue 4). A badge is at most CACHE_TTL_MS old when
// this node sends it and a browser or CDN may keep it MAX_AGE_SECONDS more: 30 + 30 ≤ 60.
const CACHE_TTL_MS = 30_000;
const MAX_AGE_SECONDS = 30;
// A few thousand badges of ~1–3 KB each: a few MB. Upstream caches 5 minutes (docs/protocol/http.md#general-behaviour).
const CACHE_MAX_ENTRIES = 4_096;
// Absurd URLs (10 KB labels) are served but not kept: they would crowd out real badges.
const MAX_CACHED_URL_LENGTH = 1_024;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Origin, X-Requested-With, Content-Type, Accept',
};

interface RenderedBadge {
  body: Buffer;
  etag: string;
}

/**
 * `GET /api/badge/:id/…`: SVG badges for `<img>` tags anywhere, no authentication. Data only
 * for public monitors, otherwise the grey N/A badge. Each full URL is cached on this node,
 * so a hit costs no database query; `ETag` + `If-None-Match` answer 304.
 */
export function registerBadgeRoutes(app: FastifyInstance, deps: BadgeRouteDeps): void {
  const { db, now = Date.now } = deps;
  const cache = createTtlLruCache<RenderedBadge>({
    maxEntries: deps.cache?.maxEntries ?? CACHE_MAX_ENTRIES,
    ttlMs: deps.cache?.ttlMs ?? CACHE_TTL_MS,
    now,
  });
  const warn = (error: unknown) => {
    // Without invalidation badges are still right within the TTL; worth a log, not a crash.
    app.log.warn({ err: error }, 'badge cache does not follow changes');
  };
  deps.changeBus?.subscribe(() => cache.clear()).catch(warn);
  // A monitor's badge is public while it is on some status page, so a page save can hide it.
  deps.changeBus?.subscribeStatusPageChanges?.(() => cache.clear()).catch(warn);

  for (const kind of BADGE_KINDS) {
    app.get(BADGE_PATHS[kind], async (request, reply) => {
      reply.headers(CORS_HEADERS);
      const key = request.url;
      let badge = cache.get(key);
      if (!badge) {
        const parsed = parseBadgeRequest(kind, request.params, request.query);
        if (!parsed.ok) return reply.code(400).send({ status: 'fail', msg: parsed.msg });
        const load = async (): Promise<RenderedBadge> => {
          const facts = await loadBadgeFacts(db, parsed.request, new Date(now()));
          const body = Buffer.from(renderBadge(toBadgeFormat(parsed.request, facts)));
          return { body, etag: strongEtag(body) };
        };
        try {
          badge = await (key.length <= MAX_CACHED_URL_LENGTH ? cache.getOrLoad(key, load) : load());
        } catch (error) {
          request.log.error({ err: error }, 'badge rendering failed');
          return reply.code(503).send({ status: 'fail', msg: 'Badge temporarily unavailable' });
        }
      }
      return sendBadge(reply, badge, request.headers['if-none-match']);
    });
  }
}

function sendBadge(
  reply: FastifyReply,
  badge: RenderedBadge,
  ifNoneMatch: string | string[] | undefined,
): FastifyReply {
  reply.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`).header('ETag', badge.etag);
  if (matchesIfNoneMatch(ifNoneMatch, badge.etag)) return reply.code(304).send();
  return reply.type('image/svg+xml; charset=utf-8').send(badge.body);
}
