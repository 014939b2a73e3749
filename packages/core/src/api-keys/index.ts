// Server-only (node:crypto, kysely); exported through `@watchpost/core/db`.
export type * from './api-keys.table.js';
export type * from './api-key.js';
export * from './api-key-scope.js';
export * from './api-key-secret.js';
export * from './api-key-expiry.js';
export * from './api-key-wire.js';
export * from './verify-api-key.js';
export * as apiKeyRepository from './api-key-repository.js';
export type { ApiKeyCredential, CreatedApiKey, NewApiKey } from './api-key-repository.js';
