-- Server-wide values shared by every node (the JWT secret, docs/protocol/authentication.md#login-tokens).
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE tenants (
  id serial PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Usernames are global: Kuma's login carries no tenant, so the username finds it.
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  timezone text,
  twofa_secret text,
  twofa_status boolean NOT NULL DEFAULT false,
  twofa_last_token text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_tenant_id_idx ON users (tenant_id);
