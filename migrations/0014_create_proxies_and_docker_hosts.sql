-- Proxies (docs/protocol/proxies.md, docs/protocol/proxies.md#proxy-object) and docker hosts (docs/protocol/docker-hosts.md, docs/protocol/docker-hosts.md#docker-host-object), owned by a tenant. A proxy's
-- password is stored in clear text like upstream: the HTTP check must send it to the proxy,
-- so a hash would not do; the rows never leave their tenant.
CREATE TABLE proxies (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Who created it (the wire's `userId`); the proxy belongs to the tenant and outlives them.
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  protocol text NOT NULL,
  host text NOT NULL,
  port integer NOT NULL,
  auth boolean NOT NULL DEFAULT false,
  username text,
  password text,
  active boolean NOT NULL DEFAULT true,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proxies_tenant_id_idx ON proxies (tenant_id, id);

CREATE TABLE docker_hosts (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  name text NOT NULL,
  docker_type text NOT NULL,
  docker_daemon text NOT NULL
);
CREATE INDEX docker_hosts_tenant_id_idx ON docker_hosts (tenant_id, id);

-- deleteProxy clears the reference on the tenant's monitors (docs/protocol/proxies.md).
CREATE INDEX monitors_proxy_id_idx ON monitors (proxy_id) WHERE proxy_id IS NOT NULL;
