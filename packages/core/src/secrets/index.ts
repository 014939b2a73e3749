// Server-only: stored secrets sealed with AES-256-GCM (architecture rule 7).
export * from './secret-box.js';
export * from './secret-store.js';
export * from './configure-secrets.js';
