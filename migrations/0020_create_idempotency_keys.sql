-- The REST API's `Idempotency-Key` (docs/api.md#idempotency): the first response to a POST,
-- kept 24 hours per tenant and credential so a retried request is answered, not repeated, by
-- whichever API node it reaches. `status` is null while the first request is still running.
CREATE TABLE idempotency_keys (
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  credential text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  location text,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, credential, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
