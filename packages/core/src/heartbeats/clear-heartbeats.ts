import { assertOwnMonitor } from '../monitors/assert-own-monitor.js';
import type { ServiceContext } from '../services/service-context.js';
import { clearMonitorHeartbeats } from './heartbeat-repository.js';

/**
 * `clearHeartbeats` (docs/protocol/monitors.md#clearheartbeats): every beat of the monitor and its aggregates; the emptied beat
 * list goes to the room before the caller answers. Another tenant's monitor answers like a
 * missing one (architecture rule 1).
 */
export async function clearHeartbeats(ctx: ServiceContext, monitorId: number): Promise<void> {
  await assertOwnMonitor(ctx, monitorId);
  await clearMonitorHeartbeats(ctx.db, ctx.tenantId, monitorId);
  ctx.events.emit(ctx.tenantId, 'heartbeatList', monitorId, [], true);
}
