import { describe, expect, it } from 'vitest';
import { StartupError } from '../errors/startup-error.js';
import { parseDeployment, parseDistributedServices, parseStorage } from './deployment.js';

describe('parseDeployment', () => {
  it('runs embedded in ./data when neither service is configured', () => {
    expect(parseDeployment({})).toEqual({ mode: 'embedded', dataDir: './data' });
    expect(parseDeployment({ DATABASE_URL: '', REDIS_URL: '', DATA_DIR: '/srv/wp' })).toEqual({
      mode: 'embedded',
      dataDir: '/srv/wp',
    });
  });

  it('runs distributed when both URLs are set', () => {
    expect(
      parseDeployment({
        DATABASE_URL: 'postgres://db/wp',
        REDIS_URL: 'redis://cache:6380',
        REDIS_PREFIX: 'wp:eu',
      }),
    ).toEqual({
      mode: 'distributed',
      databaseUrl: 'postgres://db/wp',
      redisUrl: 'redis://cache:6380',
      redisPrefix: 'wp:eu',
    });
  });

  it('refuses one URL without the other, naming both', () => {
    const only = () => parseDeployment({ REDIS_URL: 'redis://cache' });
    expect(only).toThrow(StartupError);
    expect(only).toThrow('REDIS_URL is set but DATABASE_URL is not');
  });

  it('refuses a bad Redis prefix', () => {
    expect(() => parseDeployment({ REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/);
  });
});

describe('parseDistributedServices', () => {
  it('tells a role started without the services to set them or use npm start', () => {
    expect(() => parseDistributedServices({}, 'worker')).toThrow(
      'The worker role needs DATABASE_URL and REDIS_URL; to run everything in one process ' +
        'without Postgres and Redis, use `npm start`.',
    );
  });
});

describe('parseStorage', () => {
  it('uses Postgres when DATABASE_URL is set, else PGlite in DATA_DIR', () => {
    expect(parseStorage({ DATABASE_URL: 'postgres://db/wp' })).toEqual({
      kind: 'postgres',
      databaseUrl: 'postgres://db/wp',
    });
    expect(parseStorage({ DATA_DIR: 'here' })).toEqual({ kind: 'pglite', dataDir: 'here' });
  });
});
