// Server-only: importing an Uptime Kuma 1.x backup file into one tenant (spec §3.9).
export * from './backup-schema.js';
export * from './backup-version.js';
export * from './import-backup.js';
