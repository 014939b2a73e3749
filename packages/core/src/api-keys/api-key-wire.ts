import { formatDateTime } from '../heartbeats/kuma-time.js';
import { isExpired } from './api-key-expiry.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyScope } from './api-key-scope.js';

/** docs/protocol/api-keys.md#api-key-object, plus Watchpost's `scope` and `lastUsedDate`. Never the key or its hash. */
export interface ApiKeyJson {
  id: number;
  name: string;
  userID: number;
  /** `DATETIME`, UTC. */
  createdDate: string;
  /** bool01 on the wire (docs/protocol/compatibility.md#field-names-that-differ). */
  active: 0 | 1;
  /** Verbatim as submitted; null = never. */
  expires: string | null;
  status: 'expired' | 'active' | 'inactive';
  scope: ApiKeyScope;
  /** `DATETIME`, UTC, to the minute (the write is throttled); null = never used. */
  lastUsedDate: string | null;
}

export function toApiKeyJson(key: ApiKey, now: Date): ApiKeyJson {
  return {
    id: key.id,
    name: key.name,
    userID: key.userId,
    createdDate: formatDateTime(key.createdAt),
    active: key.active ? 1 : 0,
    expires: key.expires,
    // Upstream checks expiry first: an expired key reads "expired" even while disabled.
    status: isExpired(key.expiresAt, now) ? 'expired' : key.active ? 'active' : 'inactive',
    scope: key.scope,
    lastUsedDate: key.lastUsedAt && formatDateTime(key.lastUsedAt),
  };
}
