// Server-only: notification providers and their HTTP conventions.
export * from './provider.js';
export * from './http.js';
export * from './registry.js';
export * from './delivery/retry-policy.js';
export * from './delivery/delivery-message.js';
export * from './delivery/delivery-repository.js';
export * from './delivery/provider-monitor-json.js';
export * from './delivery/cert-expiry.js';
export * from './delivery/tenant-cert-expiry.js';
