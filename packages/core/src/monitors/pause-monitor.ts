import type { ServiceContext } from '../services/service-context.js';
import { setMonitorActive } from './set-monitor-active.js';

/**
 * `pauseMonitor` (docs/protocol/monitors.md#pausemonitor): stops the monitor (and, for a group, its subtree) and pushes
 * `monitorList` to the room.
 */
export function pauseMonitor(ctx: ServiceContext, monitorId: number): Promise<void> {
  return setMonitorActive(ctx, monitorId, false);
}
