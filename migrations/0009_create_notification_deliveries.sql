-- Durable notification delivery (issue 6). A delivery row is written in the same statement
-- as the beat that calls for it, so an alert exists as soon as its beat does; queue jobs
-- only say "attempt delivery N now" and are re-created from the rows after any loss.
CREATE TABLE notification_deliveries (
  id bigserial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  notification_id integer NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  -- No foreign key: the alert for a monitor outlives the monitor's deletion.
  monitor_id integer,
  monitor_name text,
  kind text NOT NULL CHECK (kind IN ('beat', 'cert-expiry')),
  -- kind 'beat': the beat as it was stored (status, msg, time, ping, duration, important).
  beat jsonb,
  -- kind 'cert-expiry': the whole message text.
  msg text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX notification_deliveries_due_idx
  ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_tenant_idx ON notification_deliveries (tenant_id, id);

-- Every attempt, for the tenant to see why an alert did or did not arrive.
CREATE TABLE notification_delivery_attempts (
  id bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES notification_deliveries (id) ON DELETE CASCADE,
  tenant_id integer NOT NULL,
  attempted_at timestamptz NOT NULL,
  provider text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'failed')),
  error text,
  duration_ms integer NOT NULL
);
CREATE INDEX notification_delivery_attempts_delivery_idx
  ON notification_delivery_attempts (delivery_id);

-- Certificate-expiry reminders already sent: once per threshold per certificate (docs/protocol/monitoring.md#important-beats-and-notifications).
CREATE TABLE cert_expiry_notices (
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  tenant_id integer NOT NULL,
  fingerprint text NOT NULL,
  days integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (monitor_id, fingerprint, days)
);
