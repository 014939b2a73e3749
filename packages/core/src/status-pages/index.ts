// Server-only (kysely): exported through `@watchpost/core/db`.
export * as statusPageRepository from './status-page-repository.js';
export * as incidentRepository from './incident-repository.js';
export * from './status-page-input.js';
export * from './status-page-wire.js';
export * from './public-status-page.js';
export * from './status-page-tenant.js';
export type * from './status-pages.table.js';
