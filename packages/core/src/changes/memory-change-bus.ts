import type { MonitorChange, ChangeBus, StatusPageChange } from './change-bus.js';

/**
 * The change bus of embedded mode. Delivery is deferred to a later microtask, as over Redis,
 * so a publisher never runs a subscriber's work inside its own call.
 */
export function createMemoryChangeBus(): ChangeBus {
  const monitorHandlers: ((change: MonitorChange) => void)[] = [];
  const pageHandlers: ((change: StatusPageChange) => void)[] = [];
  return {
    async publish(change) {
      for (const handler of monitorHandlers) queueMicrotask(() => handler({ ...change }));
    },
    async subscribe(handler) {
      monitorHandlers.push(handler);
    },
    async publishStatusPageChange(change) {
      for (const handler of pageHandlers) queueMicrotask(() => handler({ ...change }));
    },
    async subscribeStatusPageChanges(handler) {
      pageHandlers.push(handler);
    },
  };
}
