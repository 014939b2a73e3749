-- Partitioned by day so retention drops whole partitions instead of deleting rows.
-- Daily partitions are created ahead of time by the application (see
-- heartbeat-partitions.ts); the default partition only catches rows if that ever lags.
CREATE TABLE heartbeats (
  id bigserial NOT NULL,
  tenant_id integer NOT NULL,
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  status smallint NOT NULL,
  msg text NOT NULL DEFAULT '',
  time timestamptz NOT NULL,
  ping double precision,
  duration integer NOT NULL DEFAULT 0,
  down_count integer NOT NULL DEFAULT 0,
  important boolean NOT NULL DEFAULT false,
  PRIMARY KEY (id, time)
) PARTITION BY RANGE (time);

CREATE INDEX heartbeats_monitor_time_idx ON heartbeats (monitor_id, time DESC);
CREATE INDEX heartbeats_important_idx ON heartbeats (monitor_id, time DESC) WHERE important;

CREATE TABLE heartbeats_default PARTITION OF heartbeats DEFAULT;
