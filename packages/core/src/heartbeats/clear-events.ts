import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import type { ServiceContext } from '../services/service-context.js';
import { clearMonitorEvents } from './heartbeat-repository.js';

/**
 * `clearEvents` (docs/protocol/monitors.md#clearevents): the monitor's beats lose their message and importance; the
 * emptied important list goes to the room before the caller answers. Upstream checks no
 * ownership; another tenant's monitor answers like a missing one here (architecture rule 1).
 */
export async function clearEvents(ctx: ServiceContext, monitorId: number): Promise<void> {
  await assertOwnMonitor(ctx, monitorId);
  await clearMonitorEvents(ctx.db, ctx.tenantId, monitorId);
  ctx.events.emit(ctx.tenantId, 'importantHeartbeatList', monitorId, [], true);
}
