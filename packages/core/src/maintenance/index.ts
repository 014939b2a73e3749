// Server-side maintenance: re-exported through `@watchpost/core/db`.
export * from './maintenance.js';
export * from './maintenance-window.js';
export * from './maintenance-input.js';
export * from './maintenance-wire.js';
export { CronSyntaxError, parseCron } from './cron-expression.js';
export { formatOffset, fromLocal, isValidTimeZone, parseLocalDateTime } from './zoned-time.js';
export * as maintenanceRepository from './maintenance-repository.js';
export type * from './maintenance.table.js';
