// The scheduler role for composition roots (main.ts, the all-in-one process).
export { startScheduler, type SchedulerDeps, type RunningScheduler } from './start-scheduler.js';
export { parseSchedulerConfig, type SchedulerConfig } from './config.js';
export type { SchedulerObserver } from './scheduler-observer.js';
export { createMetricsSchedulerObserver } from './metrics-scheduler-observer.js';
