// Server-only: reading an Uptime Kuma 1.x backup file (docs/protocol/settings.md). The import itself is the
// importBackup service.
export * from './backup-schema.js';
export * from './backup-version.js';
