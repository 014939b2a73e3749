import { deriveGroupStatus, type CheckOutcome, type Monitor } from '@watchpost/core';
import { monitorRepository, type Database } from '@watchpost/core/db';
import type { Kysely } from 'kysely';

export type GroupOutcome = Extract<CheckOutcome, { kind: 'group' }>;

/**
 * A `group` check (docs/protocol/monitoring.md#group-monitors): no target to call, only the children's latest state, read in
 * one query from what the other checks stored. A child's change shows on the group's next
 * beat, as upstream.
 */
export async function runGroupCheck(
  db: Kysely<Database>,
  group: Pick<Monitor, 'id' | 'tenantId'>,
): Promise<GroupOutcome> {
  const children = await monitorRepository.listGroupChildren(db, group.tenantId, group.id);
  return { kind: 'group', ...deriveGroupStatus(children) };
}
