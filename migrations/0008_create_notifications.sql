-- Notifications (docs/protocol/notifications.md, docs/protocol/notifications.md#notification-object), owned by a tenant. There is no type column: like
-- upstream, the provider type is `config.type`, and `config` is the whole object the client
-- saved (provider tokens and passwords included), so rows never leave their tenant.
CREATE TABLE notifications (
  id serial PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Who created it (the wire's `userId`). The notification belongs to the tenant and must
  -- outlive its creator, unlike an API key.
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  name text NOT NULL,
  config jsonb NOT NULL,
  -- Only a hint for the UI, which pre-ticks it on a new monitor (docs/protocol/notification-providers.md#saving-isdefault-and-applyexisting).
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_tenant_id_idx ON notifications (tenant_id, id);

-- Which notifications a monitor alerts through (`notificationIDList`). The primary key is
-- also the index the delivery side reads by monitor; tenant_id keeps every read scoped.
CREATE TABLE monitor_notifications (
  tenant_id integer NOT NULL,
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  notification_id integer NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  PRIMARY KEY (monitor_id, notification_id)
);
-- For the cascade when a notification is deleted, and for applyExisting.
CREATE INDEX monitor_notifications_notification_id_idx ON monitor_notifications (notification_id);
