-- Tags (docs/protocol/tags.md#tag-events, docs/protocol/tags.md#tag-and-monitortag), owned by a tenant. Upstream's tags are global; here each tenant
-- has its own, so `getTags` lists the tenant's tags only (architecture rule 1).
CREATE TABLE tags (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- Free text like upstream (typically `#rrggbb`); clients send whatever their picker made.
  color text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Target of the composite key below, which keeps a link inside one tenant.
  UNIQUE (id, tenant_id)
);
CREATE INDEX tags_tenant_id_idx ON tags (tenant_id, id);

-- Lets monitor_tags reference (monitor, tenant) pairs. IF NOT EXISTS: another feature may
-- want the same pair as a foreign-key target.
CREATE UNIQUE INDEX IF NOT EXISTS monitors_id_tenant_id_key ON monitors (id, tenant_id);

-- A monitor's tags (`monitor.tags`). Not unique on (monitor, tag): upstream allows the same
-- tag several times on one monitor with different (or equal) values. The composite foreign
-- keys make a link between two tenants impossible even for a buggy query.
CREATE TABLE monitor_tags (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL,
  monitor_id integer NOT NULL,
  tag_id integer NOT NULL,
  value text,
  FOREIGN KEY (monitor_id, tenant_id) REFERENCES monitors (id, tenant_id) ON DELETE CASCADE,
  FOREIGN KEY (tag_id, tenant_id) REFERENCES tags (id, tenant_id) ON DELETE CASCADE
);
-- A monitor list reads a tenant's links at once, and deleting a monitor cascades by
-- (monitor, tenant): both use the first. Deleting a tag cascades by tag, and
-- editMonitorTag / deleteMonitorTag match (tag, monitor): the second.
CREATE INDEX monitor_tags_tenant_id_idx ON monitor_tags (tenant_id, monitor_id);
CREATE INDEX monitor_tags_tag_id_idx ON monitor_tags (tag_id, monitor_id);
