import type { IncomingHttpHeaders } from 'node:http';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { publicStatusPageRepository, settingsRepository, type Database } from '@watchpost/core/db';

/** What of a public request decides its tenant. */
export interface StatusRequest {
  hostname: string;
  headers: IncomingHttpHeaders;
  params: unknown;
}

/** The tenant a request's host means, and the custom domain it came by, if any. */
export interface HostTenant {
  tenantId: number;
  customDomain?: string;
}

/**
 * Which tenant a public status-page request means. Slugs are unique per tenant, so two
 * tenants may both have `main`; the URL path alone cannot tell them apart. In order:
 *
 * 1. `/t/<tenantId>/…` — the explicit prefix (also usable as the Python client's base URL,
 *    since it appends `/api/status-page/<slug>` to it);
 * 2. the request host, when it is a custom domain (`domainNameList`) of some page: that
 *    page's tenant (see resolveHostTenant);
 * 3. otherwise Kuma's own URLs serve the instance's first tenant. In embedded mode that is
 *    the only tenant, so a self-hoster's `/status/main` keeps working unchanged.
 */
export async function resolveStatusTenant(
  db: Kysely<Database>,
  request: StatusRequest,
): Promise<number | undefined> {
  const prefixed = prefixTenantId(request);
  if (prefixed !== undefined) return prefixed ?? undefined;
  return (await resolveHostTenant(db, request))?.tenantId;
}

/**
 * The tenant of the request's host. `X-Forwarded-Host` counts only when the Host header is
 * no custom domain (a proxy that keeps Host needs no trust) and the tenant that Host falls
 * back to — the instance's first, its owner in practice — has set `trustProxy` (docs/protocol/settings.md#settings-object).
 * Honouring it reveals nothing the Host header could not ask for directly.
 */
export async function resolveHostTenant(
  db: Kysely<Database>,
  request: StatusRequest,
): Promise<HostTenant | undefined> {
  const host = request.hostname.toLowerCase();
  const byHost = await publicStatusPageRepository.findTenantByDomain(db, host);
  if (byHost !== undefined) return { tenantId: byHost, customDomain: host };
  const fallback = await publicStatusPageRepository.findDefaultTenantId(db);
  if (fallback === undefined) return undefined;
  const forwarded = forwardedHost(request.headers);
  if (forwarded !== undefined && (await trustsProxy(db, fallback))) {
    const byForwarded = await publicStatusPageRepository.findTenantByDomain(db, forwarded);
    if (byForwarded !== undefined) return { tenantId: byForwarded, customDomain: forwarded };
  }
  return { tenantId: fallback };
}

/**
 * The tenant a `/t/<tenantId>` route names: its id, null when the segment is no id (such a
 * URL means no tenant, rather than falling back to the host's), undefined without a prefix.
 */
export function prefixTenantId(request: { params: unknown }): number | null | undefined {
  const params = prefixParamsSchema.safeParse(request.params);
  if (!params.success) return undefined;
  return /^\d{1,9}$/.test(params.data.tenantId) ? Number(params.data.tenantId) : null;
}

/** The first host of `X-Forwarded-Host`, port dropped, when it looks like a host name. */
export function forwardedHost(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['x-forwarded-host'];
  const first = (Array.isArray(raw) ? raw[0] : raw)?.split(',')[0]?.trim().toLowerCase();
  if (!first) return undefined;
  const host = first.startsWith('[') ? first.replace(/(\])(:\d+)$/, '$1') : first.split(':')[0];
  return host && HOST_PATTERN.test(host) ? host : undefined;
}

// Letters, digits, dots and dashes (or a bracketed IPv6 literal); at most a DNS name's length.
const HOST_PATTERN = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])$/;

async function trustsProxy(db: Kysely<Database>, tenantId: number): Promise<boolean> {
  return (await settingsRepository.getSetting(db, tenantId, 'trustProxy')) === true;
}

const prefixParamsSchema = z.object({ tenantId: z.string() });

/** The route prefixes every status-page route is served under. */
export const STATUS_PAGE_PREFIXES = ['', '/t/:tenantId'] as const;
