import type { MonitorChange, MonitorChangeBus } from './ports.js';

/**
 * The change bus of embedded mode. Delivery is deferred to a later microtask, as over Redis,
 * so a publisher never runs a subscriber's work inside its own call.
 */
export function createMemoryMonitorChangeBus(): MonitorChangeBus {
  const handlers: ((change: MonitorChange) => void)[] = [];
  return {
    async publish(change) {
      for (const handler of handlers) queueMicrotask(() => handler({ ...change }));
    },
    async subscribe(handler) {
      handlers.push(handler);
    },
  };
}
