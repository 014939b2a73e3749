-- Per-monitor aggregates maintained as beats are written (architecture rule 8): uptime and
-- average ping for any window are sums over at most a few dozen buckets, never a scan
-- of heartbeats. UP and MAINTENANCE count as up; DOWN and PENDING as down (docs/protocol/monitoring.md#uptime).
CREATE TABLE stat_minutely (
  monitor_id integer NOT NULL REFERENCES monitors (id) ON DELETE CASCADE,
  tenant_id integer NOT NULL,
  bucket timestamptz NOT NULL,
  up integer NOT NULL DEFAULT 0,
  down integer NOT NULL DEFAULT 0,
  ping_sum double precision NOT NULL DEFAULT 0,
  ping_count integer NOT NULL DEFAULT 0,
  ping_min double precision,
  ping_max double precision,
  PRIMARY KEY (monitor_id, bucket)
);

CREATE TABLE stat_hourly (LIKE stat_minutely INCLUDING DEFAULTS);
ALTER TABLE stat_hourly ADD PRIMARY KEY (monitor_id, bucket);
ALTER TABLE stat_hourly ADD FOREIGN KEY (monitor_id) REFERENCES monitors (id) ON DELETE CASCADE;

CREATE TABLE stat_daily (LIKE stat_minutely INCLUDING DEFAULTS);
ALTER TABLE stat_daily ADD PRIMARY KEY (monitor_id, bucket);
ALTER TABLE stat_daily ADD FOREIGN KEY (monitor_id) REFERENCES monitors (id) ON DELETE CASCADE;
