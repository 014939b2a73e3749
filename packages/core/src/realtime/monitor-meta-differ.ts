import { toMonitorMeta } from '../login-burst/monitor-meta.js';
import type { MonitorMetaDelta } from '../protocol/dashboard-events.js';
import type { MonitorListPayload } from '../protocol/server-events.js';

/**
 * Turns each full `monitorList` a process pushes into the delta lean sockets get instead
 * (docs/protocol/dashboard.md#monitormetadelta): what differs from the list this process last
 * pushed to the same tenant. Held per process; the first push for a tenant carries every meta.
 */
export interface MonitorMetaDiffer {
  delta(tenantId: number, list: MonitorListPayload): MonitorMetaDelta;
}

export function createMonitorMetaDiffer(): MonitorMetaDiffer {
  /** By tenant: each monitor's meta as JSON, which compares by value in one step. */
  const lastSent = new Map<number, Map<number, string>>();
  return {
    delta(tenantId, list) {
      const previous = lastSent.get(tenantId) ?? new Map<number, string>();
      const current = new Map<number, string>();
      const upserts = [];
      for (const kuma of Object.values(list)) {
        const meta = toMonitorMeta(kuma);
        const json = JSON.stringify(meta);
        current.set(meta.id, json);
        if (previous.get(meta.id) !== json) upserts.push(meta);
      }
      const removed = [...previous.keys()].filter((id) => !current.has(id));
      lastSent.set(tenantId, current);
      return { upserts, removed };
    },
  };
}
