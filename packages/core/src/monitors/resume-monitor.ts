import type { ServiceContext } from '../services/service-context.js';
import { setMonitorActive } from './set-monitor-active.js';

/**
 * `resumeMonitor` (docs/protocol/monitors.md#resumemonitor): starts the monitor again with an immediate check and pushes
 * `monitorList` to the room.
 */
export function resumeMonitor(ctx: ServiceContext, monitorId: number): Promise<void> {
  return setMonitorActive(ctx, monitorId, true);
}
