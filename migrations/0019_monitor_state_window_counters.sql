-- Rolling counters behind the `uptime` (24 h, 720 h) and `avgPing` pushes that follow every beat
-- (docs/protocol/monitoring.md#uptime): each window's sums over the aggregate buckets from
-- `*_since` on, kept in the monitor's state row, which every beat batch rewrites anyway, so
-- keeping them costs no extra row write. The beat write adds to them; a read moves `*_since`
-- up to the window's start by taking off the few buckets that left it. NULL `*_since` means
-- "not known": the next read sums the aggregates once and starts over from there.
ALTER TABLE monitor_state
  ADD COLUMN day_since timestamptz,
  ADD COLUMN day_up integer NOT NULL DEFAULT 0,
  ADD COLUMN day_down integer NOT NULL DEFAULT 0,
  ADD COLUMN day_ping_sum double precision NOT NULL DEFAULT 0,
  ADD COLUMN day_ping_count integer NOT NULL DEFAULT 0,
  ADD COLUMN month_since timestamptz,
  ADD COLUMN month_up integer NOT NULL DEFAULT 0,
  ADD COLUMN month_down integer NOT NULL DEFAULT 0;
