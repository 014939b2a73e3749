// Test-only helpers: real databases and key prefixes per test file.
export * from './env.js';
export * from './test-database.js';
export * from './embedded-data-template.js';
export * from './kuma-test-client.js';
export * from './wait-for.js';
export * from '../notifications/fake-service.js';
export * from './make-monitor.js';
export * from '../backup/kuma-backup.fixture.js';
export * from './service-test-kit.js';
export * from './status-page-fixture.js';
export * from './dns-test-server.js';
