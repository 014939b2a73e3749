import { toKumaMonitor } from '../../monitors/kuma-monitor.js';
import type { Monitor } from '../../monitors/monitor.js';
import { withoutSensitiveMonitorFields } from '../../monitors/sensitive-monitor-fields.js';

/**
 * The monitor object providers receive: docs/protocol/monitors.md#monitor-object without secrets, because the generic
 * webhook forwards it whole to whatever URL the user typed.
 */
export function toProviderMonitorJson(monitor: Monitor): Record<string, unknown> {
  return withoutSensitiveMonitorFields(
    toKumaMonitor(monitor, {
      pathName: monitor.name,
      childrenIDs: [],
      forceInactive: false,
      notificationIds: [],
      tags: [],
      maintenance: false,
    }),
  );
}
