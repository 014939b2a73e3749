import { formatDateTime } from '../heartbeats/kuma-time.js';

// Row → wire shapes of spec §5.8.

export const DEFAULT_ICON = '/icon.svg';

export interface StatusPageRecord {
  id: number;
  tenant_id: number;
  slug: string;
  title: string;
  description: string | null;
  icon: string | null;
  theme: string;
  published: boolean;
  show_tags: boolean;
  footer_text: string | null;
  custom_css: string | null;
  show_powered_by: boolean;
  google_analytics_id: string | null;
  show_certificate_expiry: boolean;
}

/** StatusPagePublicConfig (HTTP `config`): no id, no domains. */
export function toPublicStatusPageConfig(row: StatusPageRecord) {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    icon: row.icon ?? DEFAULT_ICON,
    theme: row.theme,
    published: row.published,
    showTags: row.show_tags,
    customCSS: row.custom_css,
    footerText: row.footer_text,
    showPoweredBy: row.show_powered_by,
    googleAnalyticsId: row.google_analytics_id,
    showCertificateExpiry: row.show_certificate_expiry,
  };
}
export type PublicStatusPageConfig = ReturnType<typeof toPublicStatusPageConfig>;

/** StatusPageConfig (socket `getStatusPage`, values of `statusPageList`). */
export function toStatusPageConfig(row: StatusPageRecord, domains: readonly string[]) {
  return { id: row.id, ...toPublicStatusPageConfig(row), domainNameList: [...domains] };
}
export type StatusPageConfig = ReturnType<typeof toStatusPageConfig>;

export interface IncidentRecord {
  id: number;
  title: string;
  content: string;
  style: string;
  pin: boolean;
  created_at: Date;
  last_updated_at: Date | null;
}

/**
 * Incident. `pin` is a boolean in the `postIncident` ack and 0/1 over HTTP (spec §5.8);
 * `lastUpdatedDate` is absent from the ack of a new incident.
 */
export function toIncidentJson(row: IncidentRecord, pinAs: 'bool' | 'bool01') {
  return {
    id: row.id,
    style: row.style,
    title: row.title,
    content: row.content,
    pin: pinAs === 'bool' ? row.pin : row.pin ? 1 : 0,
    createdDate: formatDateTime(row.created_at),
    ...(row.last_updated_at || pinAs === 'bool01'
      ? { lastUpdatedDate: row.last_updated_at ? formatDateTime(row.last_updated_at) : null }
      : {}),
  };
}
export type IncidentJson = ReturnType<typeof toIncidentJson>;
