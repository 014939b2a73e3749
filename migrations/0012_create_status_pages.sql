-- Status pages (docs/protocol/status-pages.md, docs/protocol/status-pages.md#object-shapes). Slugs are unique per tenant, not globally: two tenants may
-- both have `main`. Which tenant a public URL means is decided by the request (custom domain
-- or `/t/<tenantId>` prefix, see apps/api/src/http/status-pages/resolve-status-tenant.ts).
CREATE TABLE status_pages (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  slug text NOT NULL,
  title text NOT NULL,
  description text,
  -- NULL means Kuma's default `/icon.svg`.
  icon text,
  theme text NOT NULL DEFAULT 'auto',
  published boolean NOT NULL DEFAULT true,
  show_tags boolean NOT NULL DEFAULT false,
  footer_text text,
  custom_css text,
  show_powered_by boolean NOT NULL DEFAULT true,
  google_analytics_id text,
  show_certificate_expiry boolean NOT NULL DEFAULT false,
  -- The uploaded PNG logo itself: kept in the database, never written to a file path, so
  -- every API node can serve it and no input can choose where bytes land.
  logo bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, slug)
);

-- Custom domains (`domainNameList`). A domain names one page on the whole server: the host
-- of a public request picks the tenant, so it cannot be shared between tenants.
CREATE TABLE status_page_domains (
  domain text PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status_page_id integer NOT NULL REFERENCES status_pages (id) ON DELETE CASCADE
);
CREATE INDEX status_page_domains_page_idx ON status_page_domains (status_page_id);

-- Kuma's public `group` rows: sections of one page, in weight order.
CREATE TABLE status_page_groups (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status_page_id integer NOT NULL REFERENCES status_pages (id) ON DELETE CASCADE,
  name text NOT NULL,
  weight integer NOT NULL
);
CREATE INDEX status_page_groups_page_idx ON status_page_groups (status_page_id, weight);

-- Kuma's `monitor_group`: which monitors a group shows. Membership also makes a monitor's
-- badges public (docs/protocol/http.md#badges), hence the index by monitor.
CREATE TABLE status_page_monitors (
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  group_id integer NOT NULL REFERENCES status_page_groups (id) ON DELETE CASCADE,
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  weight integer NOT NULL,
  send_url boolean NOT NULL DEFAULT false,
  PRIMARY KEY (group_id, monitor_id)
);
CREATE INDEX status_page_monitors_monitor_idx ON status_page_monitors (monitor_id);

CREATE TABLE incidents (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status_page_id integer NOT NULL REFERENCES status_pages (id) ON DELETE CASCADE,
  title text NOT NULL,
  content text NOT NULL,
  style text NOT NULL DEFAULT 'warning',
  pin boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_updated_at timestamptz
);
CREATE INDEX incidents_page_idx ON incidents (status_page_id, id);
