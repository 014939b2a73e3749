// Server-only (kysely): exported through `@watchpost/core/db`.
export * as statusPageRepository from './status-page-repository.js';
export * as incidentRepository from './incident-repository.js';
export * as publicStatusPageRepository from './public-status-page-repository.js';
export type { PageGroup, PageMonitor } from './public-status-page-repository.js';
export * from './status-page-input.js';
export type * from './status-page.js';
export * from './status-page-wire.js';
export * from './status-page-texts.js';
export type * from './status-pages.table.js';
export * as statusPageHistoryRepository from './status-page-history-repository.js';
export type { DayStats } from './status-page-history-repository.js';
