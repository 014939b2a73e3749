import type { FastifyReply, FastifyRequest } from 'fastify';
import { createTtlLruCache, type TtlLruCacheOptions } from '../badges/badge-cache.js';
import { forwardedHost, prefixTenantId } from '../status-pages/resolve-status-tenant.js';

/** One public answer exactly as sent, so that replaying it sends the same bytes. */
export interface PublicResponse {
  statusCode: number;
  contentType: string;
  body: Buffer | string;
  /** Sent on every copy, cached or not (Content-Security-Policy, Location …). */
  headers?: Record<string, string>;
  /**
   * Cache-Control for every copy. Unset: docs/protocol/http.md#general-behaviour's rule, `no-cache` on the response that
   * was built and none on replays.
   */
  cacheControl?: string;
  /** Whose data this is; an answer that belongs to no tenant is not kept. */
  tenantId: number | undefined;
}

interface CachedResponse extends PublicResponse {
  /** The host, not a `/t/<id>` path, chose the tenant; moving a custom domain may change it. */
  byHost: boolean;
}

export interface PublicResponseCache {
  /**
   * Answers from this node's memory when the same URL was answered within `ttlMs`, else
   * from `load`. Only 200 answers are kept: a 404 for a page created a second later, or a
   * redirect that depends on settings, must not linger.
   */
  serve(
    request: FastifyRequest,
    reply: FastifyReply,
    ttlMs: number,
    load: () => Promise<PublicResponse>,
  ): Promise<FastifyReply>;
  /** A tenant's pages, incidents or maintenance changed; custom domains may have moved. */
  forgetStatusPages(tenantId: number): void;
  /** A tenant's monitor changed (name, pause, deletion …). */
  forgetMonitors(tenantId: number): void;
}

// A few hundred busy pages per node; bodies are small JSON and HTML (tens of KB), and the
// byte bound keeps a handful of huge pages from taking more than a fixed share of memory.
const DEFAULTS = { maxEntries: 2_000, maxWeight: 32 * 1024 * 1024 };
// Absurd URLs (10 KB query strings) are served but not kept: they would crowd out real pages.
const MAX_CACHED_KEY_LENGTH = 1_024;

/**
 * docs/protocol/http.md#general-behaviour's response cache for public status-page routes, per API node and in memory. The
 * key holds what decides the tenant without a database read: the `/t/<id>` path, or the
 * Host (and X-Forwarded-Host) it was asked by. A hit therefore costs no query at all.
 */
export function createPublicResponseCache(
  options: Partial<Pick<TtlLruCacheOptions, 'maxEntries' | 'maxWeight' | 'now'>> = {},
): PublicResponseCache {
  const cache = createTtlLruCache<CachedResponse>({
    ...DEFAULTS,
    ...options,
    // Each serve() passes its own lifetime; this one is never used.
    ttlMs: 0,
    weigh: (response) => Buffer.byteLength(response.body),
  });

  return {
    async serve(request, reply, ttlMs, load) {
      const byHost = prefixTenantId(request) === undefined;
      const key = byHost
        ? `host ${request.hostname.toLowerCase()} ${forwardedHost(request.headers) ?? ''} ${request.url}`
        : `path ${request.url}`;
      let built = false;
      const build = async (): Promise<CachedResponse> => {
        built = true;
        return { ...(await load()), byHost };
      };
      const keep = (r: CachedResponse) =>
        r.statusCode === 200 && r.tenantId !== undefined ? ttlMs : 0;
      const response =
        key.length <= MAX_CACHED_KEY_LENGTH
          ? await cache.getOrLoad(key, build, keep)
          : await build();
      return sendPublicResponse(reply, response, built);
    },
    forgetStatusPages(tenantId) {
      cache.deleteWhere((r) => r.tenantId === tenantId || r.byHost);
    },
    forgetMonitors(tenantId) {
      cache.deleteWhere((r) => r.tenantId === tenantId);
    },
  };
}

function sendPublicResponse(
  reply: FastifyReply,
  response: PublicResponse,
  built: boolean,
): FastifyReply {
  reply.code(response.statusCode).type(response.contentType);
  if (response.headers) reply.headers(response.headers);
  const cacheControl = response.cacheControl ?? (built ? 'no-cache' : undefined);
  if (cacheControl) reply.header('Cache-Control', cacheControl);
  return reply.send(response.body);
}
