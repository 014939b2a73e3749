-- Per-tenant limits (architecture rule 13), set by the operator with
-- `admin set-tenant-limits`. A NULL column means the operator's default from the environment
-- (TENANT_MAX_MONITORS, MIN_INTERVAL_SECONDS, TENANT_MAX_TIMEOUT_SECONDS,
-- TENANT_MAX_CHECKS_IN_FLIGHT); a tenant without a row has every default.
CREATE TABLE tenant_limits (
  tenant_id integer PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  max_monitors integer CHECK (max_monitors >= 0),
  min_interval_seconds integer CHECK (min_interval_seconds >= 1),
  max_timeout_seconds integer CHECK (max_timeout_seconds >= 1),
  max_checks_in_flight integer CHECK (max_checks_in_flight >= 1),
  updated_at timestamptz NOT NULL DEFAULT now()
);
