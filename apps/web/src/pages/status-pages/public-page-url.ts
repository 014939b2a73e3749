/**
 * The public, server-rendered page of a slug on this host. Plain `/status/<slug>` means the
 * instance's first tenant (docs/protocol/status-pages.md#tenants-and-custom-domains); other
 * tenants' pages are reached through their custom domains.
 */
export function publicPageUrl(slug: string): string {
  return `/status/${encodeURIComponent(slug)}`;
}
