import type { Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.js';

export interface StatTable {
  monitor_id: number;
  tenant_id: number;
  bucket: Timestamp;
  up: Generated<number>;
  down: Generated<number>;
  ping_sum: Generated<number>;
  ping_count: Generated<number>;
  ping_min: number | null;
  ping_max: number | null;
}
