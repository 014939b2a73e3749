// Where tests find the real services. The one place test code reads the environment.
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A migrated PGlite cluster archive written once per test run (test/global-setup.ts). */
export const TEST_PGLITE_TEMPLATE = process.env.WATCHPOST_TEST_PGLITE_TEMPLATE;
/** The `SECRETS_KEY` of test processes: a fixed key, so child processes open what tests seal. */
export const TEST_SECRETS_KEY = `test:${Buffer.alloc(32, 7).toString('base64')}`;
