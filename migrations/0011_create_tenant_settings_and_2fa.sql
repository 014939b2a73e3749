-- Kuma's `setting` table (docs/protocol/settings.md#settings-object, docs/protocol/persistence.md#tables), one set per tenant: every tenant is what one
-- Kuma instance was. `type` is upstream's column: `getSettings` answers only `general` rows,
-- and `setSettings` leaves a key stored under another type alone (docs/protocol/compatibility.md#settings-stored-under-another-type).
CREATE TABLE tenant_settings (
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  key text NOT NULL,
  value jsonb NOT NULL,
  type text,
  PRIMARY KEY (tenant_id, key)
);

-- Login and 2FA rate limits (docs/protocol/authentication.md#rate-limiting): one fixed window per bucket, shared by every API
-- node through the database, which embedded mode has too (it has no Redis). Buckets are per
-- attempted username (hashed) or per user; a window long over is deleted by the next new one.
CREATE TABLE rate_limit_windows (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  used integer NOT NULL
);
CREATE INDEX rate_limit_windows_window_start_idx ON rate_limit_windows (window_start);

-- The 2FA columns themselves (users.twofa_secret, twofa_status, twofa_last_token) exist since
-- 0001; nothing to add for them.
