-- Maintenance windows (docs/protocol/maintenance.md, docs/protocol/maintenance.md#maintenance-object, docs/protocol/monitoring.md#maintenance-effect), owned by a tenant. Dates and times are kept
-- as the text the client sent: the wire returns them verbatim (docs/protocol/persistence.md#serialization-rules), and they are wall
-- clock times of the window's own time zone, which a timestamptz column could not hold.
CREATE TABLE maintenances (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Who created it; the window belongs to the tenant and outlives its creator.
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  strategy text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  start_date text,
  end_date text,
  start_time text,
  end_time text,
  weekdays jsonb NOT NULL DEFAULT '[]',
  days_of_month jsonb NOT NULL DEFAULT '[]',
  interval_day integer,
  cron text,
  -- Window length in seconds (cron and recurring strategies).
  duration integer,
  -- As stored by the client: an IANA name, 'SAME_AS_SERVER' or null.
  timezone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maintenances_tenant_id_idx ON maintenances (tenant_id, id);

-- Monitors a window covers (`addMonitorMaintenance`). The worker reads it by monitor id.
CREATE TABLE monitor_maintenances (
  tenant_id integer NOT NULL,
  maintenance_id integer NOT NULL REFERENCES maintenances (id) ON DELETE CASCADE,
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  PRIMARY KEY (maintenance_id, monitor_id)
);
CREATE INDEX monitor_maintenances_monitor_id_idx ON monitor_maintenances (monitor_id);

-- Status pages that show a window (`addMaintenanceStatusPage`). Deliberately no foreign key
-- to status_pages: that table (0012) was written at the same time as this one by someone
-- else, and this table must not depend on its exact shape. Linking checks that each page is
-- the tenant's, and readers join on (tenant_id, id), so a link left behind by a deleted page
-- is never shown (serial ids are not reused).
CREATE TABLE maintenance_status_pages (
  tenant_id integer NOT NULL,
  maintenance_id integer NOT NULL REFERENCES maintenances (id) ON DELETE CASCADE,
  status_page_id integer NOT NULL,
  PRIMARY KEY (maintenance_id, status_page_id)
);
CREATE INDEX maintenance_status_pages_page_idx ON maintenance_status_pages (status_page_id);
