import type { GeneratedTimestamp } from '../db/column-types.js';

export interface TenantLimitsTable {
  tenant_id: number;
  max_monitors: number | null;
  min_interval_seconds: number | null;
  max_timeout_seconds: number | null;
  max_checks_in_flight: number | null;
  updated_at: GeneratedTimestamp;
}
