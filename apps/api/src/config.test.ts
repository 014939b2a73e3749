import { describe, expect, it } from 'vitest';
import { parseApiConfig } from './config.js';

describe('parseApiConfig', () => {
  it('falls back to local Postgres and Redis, port 3001 and a 20 s minimum interval', () => {
    expect(parseApiConfig({})).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/watchpost',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'watchpost',
      logLevel: 'info',
      port: 3001,
      host: '0.0.0.0',
      minIntervalSeconds: 20,
    });
  });

  it('reads every variable it knows', () => {
    expect(
      parseApiConfig({
        DATABASE_URL: 'postgres://db/wp',
        REDIS_URL: 'redis://cache:6380',
        REDIS_PREFIX: 'wp:eu',
        LOG_LEVEL: 'debug',
        PORT: '0',
        HOST: '127.0.0.1',
        MIN_INTERVAL_SECONDS: '60',
      }),
    ).toEqual({
      databaseUrl: 'postgres://db/wp',
      redisUrl: 'redis://cache:6380',
      redisPrefix: 'wp:eu',
      logLevel: 'debug',
      port: 0,
      host: '127.0.0.1',
      minIntervalSeconds: 60,
    });
  });

  it('names every bad variable in one error', () => {
    const bad = () =>
      parseApiConfig({ PORT: 'eighty', MIN_INTERVAL_SECONDS: '0', LOG_LEVEL: 'loud' });
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/MIN_INTERVAL_SECONDS/);
    expect(bad).toThrow(/LOG_LEVEL/);
  });

  it('refuses a port outside 0..65535', () => {
    expect(() => parseApiConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
