import type { MonitorListPayload } from '../protocol/server-events.js';
import { publishChange, type ServiceContext } from '../services/service-context.js';

/**
 * Tells the scheduler about the monitor a request touched (an add, edit or resume starts it
 * with an immediate check) and about every other monitor whose effective activity changed:
 * pausing, resuming, moving or deleting a group pauses or releases its whole subtree. The
 * wire `active` already folds in the ancestors (docs/protocol/monitors.md#monitor-object).
 */
export function announceActivity(
  ctx: ServiceContext,
  touchedId: number,
  before: MonitorListPayload,
  after: MonitorListPayload,
): void {
  const { tenantId } = ctx;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const monitorId = Number(key);
    const isActive = after[key]?.active === true;
    if (monitorId !== touchedId && isActive === (before[key]?.active === true)) continue;
    publishChange(ctx, { kind: isActive ? 'upsert' : 'remove', monitorId, tenantId });
  }
}
