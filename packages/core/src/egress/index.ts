// Server-only: the egress policy every connection made for a tenant obeys (architecture rule 10).
export * from './address-kind.js';
export * from './egress-policy.js';
export * from './egress-env.js';
export * from './egress-connect.js';
