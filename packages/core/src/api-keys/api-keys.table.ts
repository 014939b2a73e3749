import type { ColumnType, Generated, Selectable } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** `api_keys` (migrations/0005). */
export interface ApiKeysTable {
  id: Generated<number>;
  tenant_id: number;
  user_id: number;
  name: string;
  /** SHA-256 of the secret part of the key (32 bytes). */
  secret_hash: Uint8Array;
  scope: Generated<string>;
  active: Generated<boolean>;
  expires: string | null;
  expires_at: NullableTimestamp;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
