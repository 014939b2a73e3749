import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { isExpired } from './api-key-expiry.js';
import { findApiKeyCredential, recordApiKeyUse } from './api-key-repository.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { apiKeySecretMatches, parseApiKey } from './api-key-secret.js';

/** Who a verified key acts for: its tenant, with the key's scope. */
export interface ApiKeyPrincipal {
  keyId: number;
  tenantId: number;
  /** The key's creator, who the session acts as (docs/protocol/api-keys.md#api-key-object `userID`). */
  userId: number;
  username: string;
  scope: ApiKeyScope;
  /** When the key stops working; null = never. A session opened with it ends then. */
  expiresAt: Date | null;
}

export type ApiKeyRejection = 'malformed' | 'unknown' | 'disabled' | 'expired' | 'user-inactive';

export type ApiKeyVerification =
  { ok: true; principal: ApiKeyPrincipal } | { ok: false; reason: ApiKeyRejection };

// Last-used is informational; a minute's precision is plenty and keeps scrapes read-only.
const LAST_USED_PRECISION_MS = 60_000;

const REJECTION_MESSAGES: Record<ApiKeyRejection, string> = {
  malformed: 'Malformed API key: expected uk<id>_<key>.',
  unknown: 'Invalid API key.',
  disabled: 'This API key is disabled.',
  expired: 'This API key has expired.',
  'user-inactive': 'The user of this API key is inactive or deleted.',
};

/** The `msg` / error text for a refused key, the same over Socket.IO and HTTP. */
export function apiKeyRejectionMessage(reason: ApiKeyRejection): string {
  return REJECTION_MESSAGES[reason];
}

/**
 * Checks a presented `uk<id>_<secret>` (docs/protocol/http.md#prometheus-metrics): the key must exist, its secret match,
 * and it must be active, unexpired and its user active. A missing id and a wrong secret get
 * the same answer, and the other reasons are only told to someone holding the secret.
 * Costs one primary-key lookup and a SHA-256; records the use at most once a minute.
 */
export async function verifyApiKey(
  db: Kysely<Database>,
  presented: string,
  now: Date = new Date(),
): Promise<ApiKeyVerification> {
  const parsed = parseApiKey(presented);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const credential = await findApiKeyCredential(db, parsed.id);
  if (!credential || !apiKeySecretMatches(parsed.secret, credential.secretHash)) {
    return { ok: false, reason: 'unknown' };
  }
  if (!credential.active) return { ok: false, reason: 'disabled' };
  if (isExpired(credential.expiresAt, now)) return { ok: false, reason: 'expired' };
  if (!credential.userActive) return { ok: false, reason: 'user-inactive' };

  const { lastUsedAt } = credential;
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await recordApiKeyUse(db, credential.id, now, LAST_USED_PRECISION_MS);
  }
  return {
    ok: true,
    principal: {
      keyId: credential.id,
      tenantId: credential.tenantId,
      userId: credential.userId,
      username: credential.username,
      scope: credential.scope,
      expiresAt: credential.expiresAt,
    },
  };
}
