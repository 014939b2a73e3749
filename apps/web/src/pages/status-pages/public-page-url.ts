import { useDashboard } from '../../lib/dashboard-client.js';

/**
 * The tenant's public path prefix from `info` (docs/protocol/settings.md#info-object): `''`
 * for the instance's first tenant, `/t/<id>` for the others
 * (docs/protocol/status-pages.md#tenants-and-custom-domains). Undefined until the post-login
 * `info` arrived.
 */
export function usePublicPathPrefix(): string | undefined {
  return useDashboard((state) => state.info?.publicPathPrefix);
}

/** The public, server-rendered page of a slug of the session's tenant. */
export function publicPageUrl(prefix: string, slug: string): string {
  return `${prefix}/status/${encodeURIComponent(slug)}`;
}

/** The page's public JSON (docs/protocol/status-pages.md#page-data) of the session's tenant. */
export function publicPageDataUrl(prefix: string, slug: string): string {
  return `${prefix}/api/status-page/${encodeURIComponent(slug)}`;
}
