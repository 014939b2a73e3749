import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from '../db/column-types.js';

export interface TenantsTable {
  id: Generated<number>;
  name: string;
  created_at: GeneratedTimestamp;
}
