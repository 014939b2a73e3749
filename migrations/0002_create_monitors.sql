CREATE TABLE monitors (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  type text NOT NULL,
  parent integer REFERENCES monitors (id) ON DELETE SET NULL,
  active boolean NOT NULL DEFAULT true,
  check_interval integer NOT NULL DEFAULT 20,
  retry_interval integer NOT NULL DEFAULT 0,
  resend_interval integer NOT NULL DEFAULT 0,
  maxretries integer NOT NULL DEFAULT 0,
  upside_down boolean NOT NULL DEFAULT false,
  timeout double precision NOT NULL DEFAULT 0,
  url text,
  method text NOT NULL DEFAULT 'GET',
  headers text,
  body text,
  http_body_encoding text,
  hostname text,
  port integer,
  ignore_tls boolean NOT NULL DEFAULT false,
  maxredirects integer NOT NULL DEFAULT 10,
  accepted_statuscodes jsonb NOT NULL DEFAULT '["200-299"]',
  keyword text,
  invert_keyword boolean NOT NULL DEFAULT false,
  json_path text,
  expected_value text,
  auth_method text,
  basic_auth_user text,
  basic_auth_pass text,
  expiry_notification boolean NOT NULL DEFAULT true,
  push_token text,
  proxy_id integer,
  dns_resolve_type text,
  dns_resolve_server text,
  dns_last_result text,
  packet_size integer NOT NULL DEFAULT 56,
  weight integer NOT NULL DEFAULT 2000,
  -- Type-specific settings Watchpost stores for clients but does not interpret yet,
  -- keyed by their Kuma wire names.
  extra jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitors_tenant_id_idx ON monitors (tenant_id, id);
CREATE INDEX monitors_parent_idx ON monitors (parent) WHERE parent IS NOT NULL;
CREATE UNIQUE INDEX monitors_push_token_key ON monitors (push_token) WHERE push_token IS NOT NULL;

-- What the state machine needs between two checks (docs/protocol/monitoring.md#distributed-state), plus the latest TLS facts.
-- One row per monitor, written by workers in the same statement as the heartbeats.
CREATE TABLE monitor_state (
  monitor_id integer PRIMARY KEY REFERENCES monitors (id) ON DELETE CASCADE,
  tenant_id integer NOT NULL,
  status smallint,
  retries integer NOT NULL DEFAULT 0,
  down_count integer NOT NULL DEFAULT 0,
  last_beat_at timestamptz,
  -- When the check after the last one is due, written with its beat. A check job due before
  -- it is stale: its slot was served already. Cleared when the monitor is (re)started.
  next_due_at timestamptz,
  last_ping double precision,
  last_msg text,
  tls_info jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitor_state_tenant_id_idx ON monitor_state (tenant_id);
