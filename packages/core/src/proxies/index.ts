// Server-only: proxies as stored per tenant. The wire shapes are in the root export.
export * as proxyRepository from './proxy-repository.js';
export type { SavedProxy } from './proxy-repository.js';
export type * from './proxies.table.js';
