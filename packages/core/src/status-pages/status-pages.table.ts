import type { GeneratedTimestamp } from '../db/column-types.js';
import type { Generated } from 'kysely';

// Row types of migrations 0012 and 0018, snake_case as in the SQL (which is the truth).

export interface StatusPagesTable {
  id: Generated<number>;
  tenant_id: number;
  slug: string;
  title: string;
  description: string | null;
  icon: string | null;
  theme: Generated<string>;
  published: Generated<boolean>;
  show_tags: Generated<boolean>;
  footer_text: string | null;
  custom_css: string | null;
  show_powered_by: Generated<boolean>;
  google_analytics_id: string | null;
  show_certificate_expiry: Generated<boolean>;
  auto_refresh_interval: Generated<number>;
  logo: Uint8Array | null;
  created_at: GeneratedTimestamp;
  modified_at: GeneratedTimestamp;
}

export interface StatusPageDomainsTable {
  domain: string;
  tenant_id: number;
  status_page_id: number;
  /** The value the domain's TXT record must carry (docs/protocol/status-pages.md#custom-domains). */
  verification_token: string;
  /** When the TXT record was found; null: stored and listed, but not routed. */
  verified_at: Date | null;
}

export interface StatusPageGroupsTable {
  id: Generated<number>;
  tenant_id: number;
  status_page_id: number;
  name: string;
  weight: number;
}

export interface StatusPageMonitorsTable {
  tenant_id: number;
  group_id: number;
  monitor_id: number;
  weight: number;
  send_url: Generated<boolean>;
}

export interface IncidentsTable {
  id: Generated<number>;
  tenant_id: number;
  status_page_id: number;
  title: string;
  content: string;
  style: Generated<string>;
  pin: Generated<boolean>;
  created_at: GeneratedTimestamp;
  last_updated_at: Date | null;
}
