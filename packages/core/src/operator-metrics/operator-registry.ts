import { collectDefaultMetrics, Registry } from 'prom-client';

/** The registry of one process's operator metrics (apps need not depend on prom-client). */
export type OperatorRegistry = Registry;

export interface OperatorRegistryOptions {
  /**
   * Node's process metrics: CPU, memory, heap, event-loop lag, GC, handles. Default on. Unit
   * tests switch them off because each registry that collects them keeps an event-loop delay
   * monitor and a GC observer running for the life of the process.
   */
  processMetrics?: boolean;
}

/**
 * A fresh registry for one process. Never prom-client's global default registry: the
 * all-in-one process and tests that start several roles side by side would register a
 * family twice (which throws) or mix one role's numbers into another's.
 */
export function createOperatorRegistry(options: OperatorRegistryOptions = {}): OperatorRegistry {
  const registry = new Registry();
  if (options.processMetrics ?? true) {
    // Unprefixed (`process_cpu_seconds_total`, `nodejs_heap_size_used_bytes`, …): the names
    // that stock Node.js dashboards and alerts already query.
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
