import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';
import { announceActivity } from './monitor-activity.js';
import * as monitorRepository from './monitor-repository.js';

// Literal text of docs/protocol/monitors.md.
const NOT_OWNER_MSG = 'You do not own this monitor.';

/** What pauseMonitor and resumeMonitor share: store, tell the scheduler, push the list. */
export async function setMonitorActive(
  ctx: ServiceContext,
  monitorId: number,
  active: boolean,
): Promise<void> {
  const { db, tenantId } = ctx;
  const before = await loadMonitorList(db, tenantId);
  const changed = await monitorRepository.setMonitorActive(db, tenantId, monitorId, active);
  // docs/protocol/monitors.md: also the answer for ids that do not exist.
  if (!changed) throw new AppError('permission-denied', NOT_OWNER_MSG);
  const after = await loadMonitorList(db, tenantId);
  announceActivity(ctx, monitorId, before, after);
  ctx.events.emit(tenantId, 'monitorList', after);
}
