// Server-only: docker hosts as stored per tenant, and the daemon probe.
export * as dockerHostRepository from './docker-host-repository.js';
export * from './test-docker-host.js';
export type * from './docker-hosts.table.js';
