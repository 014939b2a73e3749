import { gzipSync } from 'node:zlib';
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
  /** The body gzipped, made once when the first client that accepts gzip asks for it. */
  gzipped?: Buffer;
}

// A status page of 100 monitors is ~100 KB of HTML and ~12 KB gzipped: sending the
// compressed copy kept with the entry costs the node an eighth of the bytes and no CPU
// per request. Bodies below this size (badges, small JSON) are sent as they are.
const GZIP_FROM_BYTES = 1_024;

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
        const loaded = await load();
        // Encoded once here rather than on every replay.
        return { ...loaded, body: Buffer.from(loaded.body), byHost };
      };
      const keep = (r: CachedResponse) =>
        r.statusCode === 200 && r.tenantId !== undefined ? ttlMs : 0;
      const response =
        key.length <= MAX_CACHED_KEY_LENGTH
          ? await cache.getOrLoad(key, build, keep)
          : await build();
      return sendPublicResponse(request, reply, response, built);
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
  request: FastifyRequest,
  reply: FastifyReply,
  response: CachedResponse,
  built: boolean,
): FastifyReply {
  reply.code(response.statusCode).type(response.contentType);
  if (response.headers) reply.headers(response.headers);
  const cacheControl = response.cacheControl ?? (built ? 'no-cache' : undefined);
  if (cacheControl) reply.header('Cache-Control', cacheControl);
  if (Buffer.byteLength(response.body) < GZIP_FROM_BYTES) return reply.send(response.body);
  reply.header('Vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(response.body);
  response.gzipped ??= gzipSync(response.body);
  return reply.header('Content-Encoding', 'gzip').send(response.gzipped);
}

/** `gzip` listed in Accept-Encoding and not refused with `q=0`. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
