import type { Selectable } from 'kysely';
import type { IncidentsTable, StatusPagesTable } from './status-pages.table.js';
import type { Incident, StatusPage } from './status-page.js';

// The one row → domain mapper per row kind of status pages; snake_case stops here.

/** What a page read selects: every column but the logo bytes and the timestamps. */
export const PAGE_COLUMNS = [
  'id',
  'tenant_id',
  'slug',
  'title',
  'description',
  'icon',
  'theme',
  'published',
  'show_tags',
  'footer_text',
  'custom_css',
  'show_powered_by',
  'google_analytics_id',
  'show_certificate_expiry',
  'auto_refresh_interval',
] as const;

type PageRow = Pick<Selectable<StatusPagesTable>, (typeof PAGE_COLUMNS)[number]>;

export function toStatusPage(row: PageRow): StatusPage {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    icon: row.icon,
    theme: row.theme,
    published: row.published,
    showTags: row.show_tags,
    footerText: row.footer_text,
    customCSS: row.custom_css,
    showPoweredBy: row.show_powered_by,
    googleAnalyticsId: row.google_analytics_id,
    showCertificateExpiry: row.show_certificate_expiry,
    autoRefreshInterval: row.auto_refresh_interval,
  };
}

export const INCIDENT_COLUMNS = [
  'id',
  'title',
  'content',
  'style',
  'pin',
  'created_at',
  'last_updated_at',
] as const;

type IncidentRow = Pick<Selectable<IncidentsTable>, (typeof INCIDENT_COLUMNS)[number]>;

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    style: row.style,
    pin: row.pin,
    createdAt: row.created_at,
    lastUpdatedAt: row.last_updated_at,
  };
}
