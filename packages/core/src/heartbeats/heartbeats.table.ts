import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../db/column-types.js';

export interface HeartbeatsTable {
  id: Generated<number>;
  tenant_id: number;
  monitor_id: number;
  status: number;
  msg: Generated<string>;
  time: Timestamp;
  ping: number | null;
  duration: Generated<number>;
  down_count: Generated<number>;
  important: Generated<boolean>;
}

export type HeartbeatRow = Selectable<HeartbeatsTable>;
