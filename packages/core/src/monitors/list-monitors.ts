import type { MonitorListPayload } from '../protocol/server-events.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';

/** The tenant's monitors as Kuma's wire list, keyed by id (docs/protocol/monitors.md#monitor-object). */
export function listMonitors(ctx: ServiceContext): Promise<MonitorListPayload> {
  return loadMonitorList(ctx.db, ctx.tenantId);
}
