import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { statusPageRepository, settingsRepository, type Database } from '@watchpost/core/db';
import type { PublicResponseCache } from '../public-cache/public-response-cache.js';
import {
  prefixTenantId,
  resolveHostTenant,
  type StatusRequest,
} from '../status-pages/resolve-status-tenant.js';
import { PAGE_TTL_MS } from '../status-pages/status-page-routes.js';
import { loadStatusPageHtml } from '../status-pages/status-page-html.js';

export interface EntryPageRouteDeps {
  db: Kysely<Database>;
  cache: PublicResponseCache;
  now?: () => Date;
}

/** Where a visitor of `/` goes (docs/protocol/http.md#other-routes). */
export type EntryDecision =
  | { type: 'statusPageMatchedDomain'; tenantId: number; slug: string }
  | { type: 'entryPage'; entryPage: string };

const DEFAULT_ENTRY_PAGE = 'dashboard';
// The `entryPage` setting naming a status page (docs/protocol/settings.md#settings-object).
const STATUS_PAGE_ENTRY = 'statusPage-';

/**
 * The custom domain's page when the request came by one of the tenant's custom domains,
 * else the tenant's `entryPage` setting. The tenant is the `/t/<id>` one, else the host's
 * (see resolveHostTenant, which also decides when `X-Forwarded-Host` counts).
 */
export async function decideEntry(
  db: Kysely<Database>,
  request: StatusRequest,
): Promise<EntryDecision> {
  const prefixed = prefixTenantId(request);
  const host = prefixed === null ? undefined : await resolveHostTenant(db, request);
  const tenantId = prefixed === undefined ? host?.tenantId : (prefixed ?? undefined);
  if (tenantId === undefined) return { type: 'entryPage', entryPage: DEFAULT_ENTRY_PAGE };
  // Under `/t/<id>` a custom domain of another tenant means nothing: tenants never mix.
  if (host?.customDomain !== undefined && host.tenantId === tenantId) {
    const slug = await findSlugByDomain(db, tenantId, host.customDomain);
    if (slug !== undefined) return { type: 'statusPageMatchedDomain', tenantId, slug };
  }
  const stored = await settingsRepository.getSetting(db, tenantId, 'entryPage');
  const entryPage = typeof stored === 'string' && stored !== '' ? stored : DEFAULT_ENTRY_PAGE;
  return { type: 'entryPage', entryPage };
}

// Reads the tenant's page list, but only for a host already known to be its custom domain.
async function findSlugByDomain(db: Kysely<Database>, tenantId: number, domain: string) {
  const pages = await statusPageRepository.listStatusPageConfigs(db, tenantId);
  return Object.values(pages).find((page) => page.domainNameList.includes(domain))?.slug;
}

/**
 * `GET /api/entry-page`, which the web UI asks before routing, and `GET /`, which serves a
 * custom domain's page or redirects to the entry page; both also under `/t/<tenantId>`.
 */
export function registerEntryPageRoutes(app: FastifyInstance, deps: EntryPageRouteDeps): void {
  const { db, cache, now = () => new Date() } = deps;

  for (const prefix of ['', '/t/:tenantId']) {
    app.get(`${prefix}/api/entry-page`, async (request) => {
      const entry = await decideEntry(db, request);
      return entry.type === 'statusPageMatchedDomain'
        ? { type: entry.type, statusPageSlug: entry.slug }
        : entry;
    });
  }

  for (const path of ['/', '/t/:tenantId', '/t/:tenantId/']) {
    app.get(path, (request, reply) =>
      // A custom domain's `/` is its status page's front door: cached like `/status/:slug`.
      cache.serve(request, reply, PAGE_TTL_MS, async () => {
        const entry = await decideEntry(db, request);
        const prefixed = prefixTenantId(request);
        const tenantPrefix = typeof prefixed === 'number' ? `/t/${prefixed}` : '';
        if (entry.type === 'statusPageMatchedDomain') {
          const { tenantId, slug } = entry;
          return loadStatusPageHtml(db, { tenantId, slug, tenantPrefix, now: now() });
        }
        const slug = entry.entryPage.startsWith(STATUS_PAGE_ENTRY)
          ? entry.entryPage.slice(STATUS_PAGE_ENTRY.length)
          : '';
        const location = slug ? `${tenantPrefix}/status/${encodeURIComponent(slug)}` : '/dashboard';
        return redirect(location);
      }),
    );
  }
}

// Redirects are never cached (only 200s are): they follow settings, which change no cache.
function redirect(location: string) {
  return {
    statusCode: 302,
    contentType: 'text/plain; charset=utf-8',
    body: `Found. Redirecting to ${location}`,
    headers: { Location: location },
    tenantId: undefined,
  };
}
