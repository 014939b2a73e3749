import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findDefaultTenantId, findTenantByDomain, type Database } from '@watchpost/core/db';

/**
 * Which tenant a public status-page request means. Slugs are unique per tenant, so two
 * tenants may both have `main`; the URL path alone cannot tell them apart. In order:
 *
 * 1. `/t/<tenantId>/…` — the explicit prefix (also usable as the Python client's base URL,
 *    since it appends `/api/status-page/<slug>` to it);
 * 2. the request host, when it is a custom domain (`domainNameList`) of some page: that
 *    page's tenant;
 * 3. otherwise Kuma's own URLs serve the instance's first tenant. In embedded mode that is
 *    the only tenant, so a self-hoster's `/status/main` keeps working unchanged.
 */
export async function resolveStatusTenant(
  db: Kysely<Database>,
  request: { hostname: string; params: unknown },
): Promise<number | undefined> {
  const prefixed = prefixSchema.safeParse(request.params);
  if (prefixed.success) return prefixed.data.tenantId;
  const byDomain = await findTenantByDomain(db, request.hostname);
  return byDomain ?? findDefaultTenantId(db);
}

const prefixSchema = z.object({
  tenantId: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

/** The route prefixes every status-page route is served under. */
export const STATUS_PAGE_PREFIXES = ['', '/t/:tenantId'] as const;
