import type { MonitorListPayload } from '../protocol/server-events.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';

/**
 * Sends the tenant's current `monitorList` to its room (`getMonitorList` (docs/protocol/monitors.md#getmonitorlist), and
 * after any change that shows in the list). Answers the list it sent.
 */
export async function pushMonitorList(ctx: ServiceContext): Promise<MonitorListPayload> {
  const list = await loadMonitorList(ctx.db, ctx.tenantId);
  ctx.events.emit(ctx.tenantId, 'monitorList', list);
  return list;
}
