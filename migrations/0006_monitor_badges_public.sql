-- Per-monitor opt-in to public badges. Kuma shows badge data only for monitors on a status
-- page, a rule its users keep tripping over (louislam/uptime-kuma#1700, #4918); this switch
-- is the explicit alternative. Off by default: a badge reveals nothing until its owner says so.
ALTER TABLE monitors ADD COLUMN badges_public boolean NOT NULL DEFAULT false;
