import { formatDateTime } from '../heartbeats/kuma-time.js';
import { isExpired } from './api-key-expiry.js';
import type { ApiKeyScope } from './api-key-scope.js';
import type { ApiKeyRow } from './api-keys.table.js';

/** The columns a listing reads: never the hash. */
export type ApiKeyListRow = Omit<ApiKeyRow, 'secret_hash'>;

/** Spec §5.10, plus Watchpost's `scope` and `lastUsedDate`. Never the key or its hash. */
export interface ApiKeyJson {
  id: number;
  name: string;
  userID: number;
  /** `DATETIME`, UTC. */
  createdDate: string;
  /** bool01 on the wire (spec §9.4). */
  active: 0 | 1;
  /** Verbatim as submitted; null = never. */
  expires: string | null;
  status: 'expired' | 'active' | 'inactive';
  scope: ApiKeyScope;
  /** `DATETIME`, UTC, to the minute (the write is throttled); null = never used. */
  lastUsedDate: string | null;
}

export function toApiKeyJson(row: ApiKeyListRow, now: Date): ApiKeyJson {
  return {
    id: row.id,
    name: row.name,
    userID: row.user_id,
    createdDate: formatDateTime(row.created_at),
    active: row.active ? 1 : 0,
    expires: row.expires,
    // Upstream checks expiry first: an expired key reads "expired" even while disabled.
    status: isExpired(row.expires_at, now) ? 'expired' : row.active ? 'active' : 'inactive',
    scope: row.scope as ApiKeyScope,
    lastUsedDate: row.last_used_at && formatDateTime(row.last_used_at),
  };
}
