import { MinHeap } from '../scheduling/min-heap.js';
import type { DueEntry, DueSet } from './ports.js';

/**
 * The due set of embedded mode: one process, so a map plus a heap replaces the Redis sorted
 * set. Moving or removing an entry leaves its old heap item behind; `current` says which
 * item is live, and stale ones are skipped when they surface (or swept when they pile up).
 */
export function createMemoryDueSet(): DueSet {
  const current = new Map<number, DueEntry>();
  const heap = new MinHeap<DueEntry>((e) => e.dueAt);
  const isLive = (e: DueEntry) => current.get(e.monitorId) === e;
  // Nothing can empty a set in memory behind the process's back: only reconciliation moves it.
  let filled = false;

  function put(entry: DueEntry): void {
    current.set(entry.monitorId, entry);
    heap.push(entry);
    if (heap.size > 2 * current.size + 1024) heap.retain(isLive);
  }

  return {
    async schedule(monitorId, tenantId, dueAt) {
      put({ monitorId, tenantId, dueAt });
    },
    async scheduleMany(entries) {
      for (const e of entries) put({ ...e });
    },
    async unschedule(monitorId) {
      current.delete(monitorId);
    },
    async claimDue(now, limit, leaseMs) {
      const claimed: DueEntry[] = [];
      while (claimed.length < limit) {
        const top = heap.peek();
        if (!top || top.dueAt > now) break;
        heap.pop();
        if (!isLive(top)) continue;
        claimed.push(top);
        put({ ...top, dueAt: now + leaseMs });
      }
      return claimed;
    },
    async scheduledIds() {
      return new Set(current.keys());
    },
    async markFilled() {
      filled = true;
    },
    async isFilled() {
      return filled;
    },
  };
}
