import type { ColumnType } from 'kysely';

/** `idempotency_keys` (migrations/0020): the first response to a POST sent with a key. */
export interface IdempotencyKeysTable {
  tenant_id: number;
  credential: string;
  key: string;
  request_hash: string;
  status: number | null;
  location: string | null;
  body: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
