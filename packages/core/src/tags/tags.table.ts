import type { ColumnType, Generated } from 'kysely';

/** `tags` (migrations/0010). */
export interface TagsTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  color: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** `monitor_tags` (migrations/0010): one row per tag on a monitor; duplicates allowed. */
export interface MonitorTagsTable {
  id: Generated<number>;
  tenant_id: number;
  monitor_id: number;
  tag_id: number;
  value: string | null;
}
