import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';
import { announceActivity } from './monitor-activity.js';
import { MONITOR_NOT_FOUND_MSG } from './monitor-id.js';
import * as monitorRepository from './monitor-repository.js';

/**
 * `deleteMonitor` (docs/protocol/monitors.md#deletemonitor). The pushes come after the answer: `publish` sends `monitorList`,
 * then the monitor's emptied important-beat list.
 */
export async function deleteMonitor(
  ctx: ServiceContext,
  monitorId: number,
): Promise<{ publish: () => Promise<void> }> {
  const { db, tenantId } = ctx;
  // Upstream silently succeeds for ids it does not own; refusing is what keeps another
  // tenant's id from being told apart from its own (and the Python client checks existence
  // itself before deleting, docs/protocol/compatibility.md#what-the-python-client-does-itself).
  const before = await loadMonitorList(db, tenantId);
  const deleted = await monitorRepository.deleteMonitor(db, tenantId, monitorId);
  if (!deleted) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
  // Children of a deleted group become top-level monitors and may start running.
  const after = await loadMonitorList(db, tenantId);
  announceActivity(ctx, monitorId, before, after);
  return {
    publish: async () => {
      ctx.events.emit(tenantId, 'monitorList', after);
      ctx.events.emit(tenantId, 'importantHeartbeatList', monitorId, [], true);
    },
  };
}
