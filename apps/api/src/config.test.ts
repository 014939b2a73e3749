import { describe, expect, it } from 'vitest';
import { parseApiConfig } from './config.js';

describe('parseApiConfig', () => {
  it('falls back to port 3001 on every interface and a 20 s minimum interval', () => {
    expect(parseApiConfig({}, 'distributed')).toEqual({
      logLevel: 'info',
      port: 3001,
      host: '0.0.0.0',
      minIntervalSeconds: 20,
      tenantLimits: { maxMonitors: null, maxTimeoutSeconds: null },
      operatorMetrics: null,
      trustProxy: false,
      instance: { publicSetup: false, databaseOperations: false },
      restRateLimit: { limit: 600, windowMs: 60_000 },
    });
  });

  it('reads every variable it knows', () => {
    expect(
      parseApiConfig(
        {
          LOG_LEVEL: 'debug',
          PORT: '0',
          HOST: '127.0.0.1',
          MIN_INTERVAL_SECONDS: '60',
          OPERATOR_METRICS_PORT: '9464',
          OPERATOR_METRICS_HOST: '0.0.0.0',
          TENANT_MAX_MONITORS: '50',
          TENANT_MAX_TIMEOUT_SECONDS: '30',
          ALLOW_PUBLIC_SETUP: '1',
          TRUST_PROXY: '1',
          API_RATE_LIMIT_PER_MINUTE: '120',
        },
        'distributed',
      ),
    ).toEqual({
      logLevel: 'debug',
      port: 0,
      host: '127.0.0.1',
      minIntervalSeconds: 60,
      tenantLimits: { maxMonitors: 50, maxTimeoutSeconds: 30 },
      operatorMetrics: { port: 9464, host: '0.0.0.0' },
      trustProxy: true,
      instance: { publicSetup: true, databaseOperations: false },
      restRateLimit: { limit: 120, windowMs: 60_000 },
    });
  });

  it('names every bad variable in one error', () => {
    const bad = () =>
      parseApiConfig(
        { PORT: 'eighty', MIN_INTERVAL_SECONDS: '0', LOG_LEVEL: 'loud', ALLOW_PUBLIC_SETUP: 'yes' },
        'distributed',
      );
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/MIN_INTERVAL_SECONDS/);
    expect(bad).toThrow(/LOG_LEVEL/);
    expect(bad).toThrow(/ALLOW_PUBLIC_SETUP/);
  });

  it('refuses a port outside 0..65535', () => {
    expect(() => parseApiConfig({ PORT: '70000' }, 'distributed')).toThrow(/PORT/);
    expect(() => parseApiConfig({ OPERATOR_METRICS_PORT: '70000' }, 'distributed')).toThrow(
      /OPERATOR_METRICS_PORT/,
    );
  });

  it('serves operator metrics on loopback once OPERATOR_METRICS_PORT is set', () => {
    expect(
      parseApiConfig({ OPERATOR_METRICS_PORT: '9464' }, 'distributed').operatorMetrics,
    ).toEqual({
      port: 9464,
      host: '127.0.0.1',
    });
    expect(parseApiConfig({ OPERATOR_METRICS_PORT: '' }, 'distributed').operatorMetrics).toBeNull();
  });

  it('lets the one owner of an embedded instance run setup and maintain the database', () => {
    expect(parseApiConfig({}, 'embedded').instance).toEqual({
      publicSetup: true,
      databaseOperations: true,
    });
  });
});
