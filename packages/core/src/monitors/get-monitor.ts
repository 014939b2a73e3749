import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';
import { MONITOR_NOT_FOUND_MSG } from './monitor-id.js';

/** `getMonitor` (docs/protocol/monitors.md#getmonitor): one monitor's wire object, as it appears in `monitorList`. */
export async function getMonitor(
  ctx: ServiceContext,
  monitorId: number,
): Promise<Record<string, unknown>> {
  // The computed fields (pathName, childrenIDs, forceInactive) need the whole group tree.
  const list = await loadMonitorList(ctx.db, ctx.tenantId);
  const monitor = list[String(monitorId)];
  if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
  return monitor;
}
