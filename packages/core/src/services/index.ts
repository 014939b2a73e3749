// Server-only: the service layer. Every transport (Socket.IO handlers, HTTP routes) calls
// these with a ServiceContext; one verb per file, in the feature's folder.
export * from './service-context.js';

// auth and accounts
export type * from '../users/user.js';
export type * from '../auth/login-context.js';
export type * from '../auth/login-identity.js';
export type { CreatedTenant } from '../tenants/tenant-repository.js';
export * from '../tenants/needs-setup.js';
export * from '../tenants/setup-first-admin.js';
export * from '../tenants/create-tenant.js';
export * from '../auth/login.js';
export * from '../auth/login-by-token.js';
export * from '../auth/find-auto-login-user.js';
export * from '../users/verify-current-password.js';
export * from '../users/change-password.js';
export * from '../users/get-two-factor-status.js';
export * from '../users/prepare-two-factor.js';
export * from '../users/save-two-factor.js';
export * from '../users/disable-two-factor.js';
export * from '../users/verify-two-factor-token.js';
