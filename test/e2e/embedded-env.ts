/**
 * The environment of an embedded `npm start` in tests: the service URLs the test runner may
 * have in its own environment are blanked (an empty variable counts as unset), and monitors
 * may check every second.
 */
export const EMBEDDED_ENV: Record<string, string> = {
  DATABASE_URL: '',
  REDIS_URL: '',
  MIN_INTERVAL_SECONDS: '1',
  HOST: '127.0.0.1',
};
