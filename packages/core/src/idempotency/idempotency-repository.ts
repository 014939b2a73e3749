import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** How long a key's first response is replayed (docs/api.md#idempotency). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** Who a key belongs to: keys of different tenants or credentials never meet. */
export interface IdempotencyScope {
  tenantId: number;
  /** `key:<api key id>` or `user:<user id>`. */
  credential: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  location: string | null;
  body: string;
}

/** What a claim found: the key is new (and now ours), or already used. */
export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'in-progress'; requestHash: string }
  | { kind: 'done'; requestHash: string; response: StoredResponse };

/**
 * Claims `scope.key` for a request with this hash, or answers what the key already holds.
 * Expired keys are swept first, so a key is reusable after its 24 hours. The insert is the
 * lock: of two API nodes claiming one key at once exactly one wins.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  requestHash: string,
  now: Date = new Date(),
): Promise<IdempotencyClaim> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS))
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      tenant_id: scope.tenantId,
      credential: scope.credential,
      key: scope.key,
      request_hash: requestHash,
      created_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'claimed' };
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'location', 'body'])
    .where('tenant_id', '=', scope.tenantId)
    .where('credential', '=', scope.credential)
    .where('key', '=', scope.key)
    .executeTakeFirst();
  // Released between the two statements: the first request failed, so this one may run.
  if (!row) return claimIdempotencyKey(db, scope, requestHash, now);
  if (row.status === null) return { kind: 'in-progress', requestHash: row.request_hash };
  return {
    kind: 'done',
    requestHash: row.request_hash,
    response: { status: row.status, location: row.location, body: row.body ?? '' },
  };
}

/** Stores the response of a claimed key, for replays. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
  response: StoredResponse,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: response.status, location: response.location, body: response.body })
    .where('tenant_id', '=', scope.tenantId)
    .where('credential', '=', scope.credential)
    .where('key', '=', scope.key)
    .execute();
}

/** Gives a claimed key back after its request failed, so a retry runs it again. */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  scope: IdempotencyScope,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('tenant_id', '=', scope.tenantId)
    .where('credential', '=', scope.credential)
    .where('key', '=', scope.key)
    .where('status', 'is', null)
    .execute();
}
