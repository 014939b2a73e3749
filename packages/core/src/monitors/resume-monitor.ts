import type { ServiceContext } from '../services/service-context.js';
import {
  assertMonitorWithinLimits,
  loadTenantLimits,
} from '../tenant-limits/enforce-tenant-limits.js';
import * as monitorRepository from './monitor-repository.js';
import { setMonitorActive } from './set-monitor-active.js';

/**
 * `resumeMonitor` (docs/protocol/monitors.md#resumemonitor): starts the monitor again with an immediate check and pushes
 * `monitorList` to the room. A monitor saved before the operator lowered the tenant's limits
 * starts again only once it is edited to fit them (architecture rule 13).
 */
export async function resumeMonitor(ctx: ServiceContext, monitorId: number): Promise<void> {
  const monitor = await monitorRepository.findMonitor(ctx.db, ctx.tenantId, monitorId);
  if (monitor) assertMonitorWithinLimits(monitor, await loadTenantLimits(ctx));
  return setMonitorActive(ctx, monitorId, true);
}
