// The worker role for composition roots (main.ts, the all-in-one process).
export { startWorker, type WorkerDeps, type RunningWorker } from './start-worker.js';
export {
  beatBatchWaitOf,
  parseWorkerConfig,
  tenantChecksInFlightOf,
  type WorkerConfig,
} from './config.js';
export type { WorkerObserver } from './worker-observer.js';
export { createMetricsWorkerObserver } from './metrics-worker-observer.js';
export {
  startDeliveryRunner,
  type DeliveryRunnerDeps,
  type RunningDeliveryRunner,
} from './deliveries/start-delivery-runner.js';
