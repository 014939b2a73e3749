import type { ColumnType } from 'kysely';

/** `tenant_settings` (migrations/0011): Kuma's `setting` table, one set per tenant. */
export interface TenantSettingsTable {
  tenant_id: number;
  key: string;
  /** jsonb: written as JSON text, read back parsed. */
  value: ColumnType<unknown, string, string>;
  /** `general` for what `getSettings` answers (docs/protocol/settings.md#settings-object); other types are internal. */
  type: string | null;
}
