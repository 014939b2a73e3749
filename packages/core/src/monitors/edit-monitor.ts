import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { assertOwnProxy } from '../proxies/assert-own-proxy.js';
import { loadTenantLimits } from '../tenant-limits/enforce-tenant-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';
import { announceActivity } from './monitor-activity.js';
import { monitorIdSchema } from './monitor-id.js';
import * as monitorRepository from './monitor-repository.js';
import {
  INVALID_GROUP_MSG,
  keepPushToken,
  parseMonitorInput,
  PERMISSION_DENIED_MSG,
  withPushTokenCheck,
} from './monitor-write-rules.js';

// editMonitor names its target inside the payload; without a usable id nothing is ours.
const editTargetSchema = z.object({ id: monitorIdSchema });

/**
 * `editMonitor` (docs/protocol/monitors.md#editmonitor): a full overwrite of the editable fields of the monitor the payload
 * names by `id`; `active` is ignored. Pushes `monitorList` to the room before the caller
 * answers. Answers the monitor's id.
 */
export async function editMonitor(
  ctx: ServiceContext,
  payload: unknown,
): Promise<{ monitorId: number }> {
  const { db, tenantId } = ctx;
  // Ownership first, like upstream: for a monitor that is not ours every error is the same.
  const target = editTargetSchema.safeParse(payload);
  if (!target.success) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);
  const monitorId = target.data.id;
  // The tenant's tree answers ownership, cycles and the parent's type in one query, and is
  // the "before" picture for announceActivity.
  const before = await loadMonitorList(db, tenantId);
  const existing = before[String(monitorId)];
  if (!existing) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);

  const limits = await loadTenantLimits(ctx);
  const input = keepPushToken(parseMonitorInput(payload, limits), payload, existing.pushToken);
  await assertOwnProxy(ctx, input.proxyId);
  if (input.parent !== null) {
    // A monitor inside its own subtree would make the group tree a cycle.
    const ownSubtree = [monitorId, ...(existing.childrenIDs as number[])];
    const parent = before[String(input.parent)];
    if (ownSubtree.includes(input.parent) || parent?.type !== 'group') {
      throw new AppError('invalid-input', INVALID_GROUP_MSG, 'parent');
    }
  }
  const updated = await withPushTokenCheck(
    monitorRepository.updateMonitor(db, tenantId, monitorId, input),
  );
  // Deleted between the two statements.
  if (!updated) throw new AppError('permission-denied', PERMISSION_DENIED_MSG);
  const after = await loadMonitorList(db, tenantId);
  announceActivity(ctx, monitorId, before, after);
  ctx.events.emit(tenantId, 'monitorList', after);
  return { monitorId };
}
