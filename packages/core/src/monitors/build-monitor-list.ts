import type { MonitorListPayload } from '../protocol/server-events.js';
import type { MonitorTagJson } from '../tags/tag.js';
import { toKumaMonitor } from './kuma-monitor.js';
import type { Monitor } from './monitor.js';

/**
 * Builds every monitor's wire object with the fields Kuma computes from the group tree
 * (docs/protocol/monitors.md#monitor-object): `pathName`, `childrenIDs` and `forceInactive`, and its `notificationIDList`
 * from the linked notification ids by monitor id, and its `tags` from the tenant's monitor
 * tags by monitor id. Integer-like keys serialize in ascending order, as clients expect.
 */
export function buildMonitorList(
  monitors: readonly Monitor[],
  notificationIds: ReadonlyMap<number, readonly number[]> = new Map(),
  tags: ReadonlyMap<number, readonly MonitorTagJson[]> = new Map(),
  /** Monitors linked to an open maintenance window; their group descendants inherit it. */
  maintained: ReadonlySet<number> = new Set(),
): MonitorListPayload {
  const tree = indexTree(monitors);
  const list: MonitorListPayload = {};
  for (const monitor of [...monitors].sort((a, b) => a.id - b.id)) {
    const ancestors = ancestorsOf(monitor, tree.byId);
    list[String(monitor.id)] = toKumaMonitor(monitor, {
      pathName: [...ancestors.reverse(), monitor].map((m) => m.name).join(' / '),
      childrenIDs: descendantIdsOf(monitor.id, tree.childrenOf),
      forceInactive: ancestors.some((a) => !a.active),
      notificationIds: [...(notificationIds.get(monitor.id) ?? [])],
      tags: [...(tags.get(monitor.id) ?? [])],
      // docs/protocol/monitoring.md#maintenance-effect: a window on any group above covers the monitor too.
      maintenance: [monitor, ...ancestors].some((m) => maintained.has(m.id)),
    });
  }
  return list;
}

interface Tree {
  byId: Map<number, Monitor>;
  childrenOf: Map<number, Monitor[]>;
}

function indexTree(monitors: readonly Monitor[]): Tree {
  const byId = new Map(monitors.map((m) => [m.id, m]));
  const childrenOf = new Map<number, Monitor[]>();
  for (const m of monitors) {
    if (m.parent === null || !byId.has(m.parent)) continue;
    const siblings = childrenOf.get(m.parent) ?? [];
    siblings.push(m);
    childrenOf.set(m.parent, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.id - b.id);
  return { byId, childrenOf };
}

/** Parent first, root last. The `seen` set stops at a cycle instead of looping forever. */
export function ancestorsOf<M extends { id: number; parent: number | null }>(
  monitor: M,
  byId: ReadonlyMap<number, M>,
): M[] {
  const ancestors: M[] = [];
  const seen = new Set([monitor.id]);
  for (let cur = monitor.parent; cur !== null && !seen.has(cur);) {
    const parent = byId.get(cur);
    if (!parent) break;
    ancestors.push(parent);
    seen.add(cur);
    cur = parent.parent;
  }
  return ancestors;
}

/**
 * Depth first, each child followed by its own descendants, like Kuma's getAllChildrenIDs.
 * Iterative, so a deep chain of groups cannot exhaust the stack.
 */
function descendantIdsOf(id: number, childrenOf: ReadonlyMap<number, Monitor[]>): number[] {
  const ids: number[] = [];
  const seen = new Set([id]);
  const stack = [...(childrenOf.get(id) ?? [])].reverse();
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (seen.has(child.id)) continue;
    seen.add(child.id);
    ids.push(child.id);
    stack.push(...[...(childrenOf.get(child.id) ?? [])].reverse());
  }
  return ids;
}
