-- API keys (docs/protocol/api-keys.md, docs/protocol/api-keys.md#api-key-object), owned by a tenant. The clear key `uk<id>_<secret>` is shown
-- once; only a SHA-256 of the secret is stored. A fast hash is enough because the secret is
-- 240 random bits (nothing to brute-force), and a slow one would cost every scrape a bcrypt
-- round (architecture rule 7).
CREATE TABLE api_keys (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The user who created it (the wire's `userID`); like upstream, a key goes with its user.
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  secret_hash bytea NOT NULL,
  scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write')),
  active boolean NOT NULL DEFAULT true,
  -- The local date-time text the client sent, returned verbatim (docs/protocol/persistence.md), and the instant it
  -- names in the server's time zone, which is what expiry is checked against.
  expires text,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Written at most about once a minute per key, so a scrape every few seconds is not a write.
  last_used_at timestamptz,
  CHECK ((expires IS NULL) = (expires_at IS NULL))
);
CREATE INDEX api_keys_tenant_id_idx ON api_keys (tenant_id, id);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
