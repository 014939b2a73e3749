import { formatDateTime } from '../heartbeats/kuma-time.js';
import type { Incident, StatusPage } from './status-page.js';

// Domain → wire shapes of docs/protocol/status-pages.md#object-shapes.

export const DEFAULT_ICON = '/icon.svg';

/** StatusPagePublicConfig (HTTP `config`): no id, no domains. */
export function toPublicStatusPageConfig(page: StatusPage) {
  return {
    slug: page.slug,
    title: page.title,
    description: page.description,
    icon: page.icon ?? DEFAULT_ICON,
    theme: page.theme,
    published: page.published,
    showTags: page.showTags,
    customCSS: page.customCSS,
    footerText: page.footerText,
    showPoweredBy: page.showPoweredBy,
    googleAnalyticsId: page.googleAnalyticsId,
    showCertificateExpiry: page.showCertificateExpiry,
    autoRefreshInterval: page.autoRefreshInterval,
  };
}
export type PublicStatusPageConfig = ReturnType<typeof toPublicStatusPageConfig>;

/** StatusPageConfig (socket `getStatusPage`, values of `statusPageList`). */
export function toStatusPageConfig(page: StatusPage, domains: readonly string[]) {
  return { id: page.id, ...toPublicStatusPageConfig(page), domainNameList: [...domains] };
}
export type StatusPageConfig = ReturnType<typeof toStatusPageConfig>;

/**
 * Incident. `pin` is a boolean in the `postIncident` ack and 0/1 over HTTP (docs/protocol/status-pages.md#object-shapes);
 * `lastUpdatedDate` is absent from the ack of a new incident.
 */
export function toIncidentJson(incident: Incident, pinAs: 'bool' | 'bool01') {
  const { lastUpdatedAt } = incident;
  return {
    id: incident.id,
    style: incident.style,
    title: incident.title,
    content: incident.content,
    pin: pinAs === 'bool' ? incident.pin : incident.pin ? 1 : 0,
    createdDate: formatDateTime(incident.createdAt),
    ...(lastUpdatedAt || pinAs === 'bool01'
      ? { lastUpdatedDate: lastUpdatedAt ? formatDateTime(lastUpdatedAt) : null }
      : {}),
  };
}
export type IncidentJson = ReturnType<typeof toIncidentJson>;
