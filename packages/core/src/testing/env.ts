// Where tests find the real services. The one place test code reads the environment.
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A migrated PGlite cluster archive written once per test run (test/global-setup.ts). */
export const TEST_PGLITE_TEMPLATE = process.env.WATCHPOST_TEST_PGLITE_TEMPLATE;
/** A migrated embedded data directory written once per end-to-end run (test/e2e/global-setup.ts). */
export const TEST_EMBEDDED_DATA_TEMPLATE = process.env.WATCHPOST_TEST_EMBEDDED_DATA_TEMPLATE;
/** The `SECRETS_KEY` of test processes: a fixed key, so child processes open what tests seal. */
export const TEST_SECRETS_KEY = `test:${Buffer.alloc(32, 7).toString('base64')}`;
/**
 * What every role spawned by a test or benchmark runs with: the test key; check targets and
 * receivers on loopback, which the distributed default egress policy refuses (architecture
 * rule 10); and `setup` over the socket, which a multi-tenant deployment refuses by default.
 */
export const TEST_ROLE_ENV = {
  SECRETS_KEY: TEST_SECRETS_KEY,
  EGRESS_ALLOW: '127.0.0.0/8,::1',
  ALLOW_PUBLIC_SETUP: '1',
} as const;
