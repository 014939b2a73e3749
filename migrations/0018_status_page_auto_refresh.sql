-- Kuma 2.0's per-page `autoRefreshInterval` (seconds; 0 turns refreshing off). Kuma 1.23
-- refreshes every 5 minutes, hence the default (docs/protocol/status-pages.md#html-page).
ALTER TABLE status_pages ADD COLUMN auto_refresh_interval integer NOT NULL DEFAULT 300;
