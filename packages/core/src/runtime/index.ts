// Server-only: process-level helpers for the entry points.
export * from './exit-on-startup-error.js';
export * from './listen-error.js';
export * from './stop-on-signals.js';
export * from './wait-while-late.js';
export * from './readiness.js';
export * from './background-tasks.js';
