// Server-only: docker hosts as stored per tenant.
export * as dockerHostRepository from './docker-host-repository.js';
export type * from './docker-hosts.table.js';
