import { describe, expect, it } from 'vitest';
import {
  monitorCountViolation,
  monitorLimitViolation,
  resolveTenantLimits,
  type TenantLimits,
} from './tenant-limits.js';

const defaults: TenantLimits = {
  maxMonitors: 100,
  minIntervalSeconds: 20,
  maxTimeoutSeconds: null,
  maxChecksInFlight: 25,
};

describe('resolveTenantLimits', () => {
  it('takes the tenant’s own value where it has one and the default elsewhere', () => {
    const stored = {
      maxMonitors: 5,
      minIntervalSeconds: null,
      maxTimeoutSeconds: 30,
      maxChecksInFlight: null,
    };
    expect(resolveTenantLimits(stored, defaults)).toEqual({
      maxMonitors: 5,
      minIntervalSeconds: 20,
      maxTimeoutSeconds: 30,
      maxChecksInFlight: 25,
    });
    expect(resolveTenantLimits(undefined, defaults)).toEqual(defaults);
  });
});

describe('monitorLimitViolation', () => {
  const limits = { minIntervalSeconds: 60, maxTimeoutSeconds: 30 };

  it('refuses an interval below the tenant’s floor in the schema’s words', () => {
    expect(monitorLimitViolation({ interval: 59, timeout: 10 }, limits)).toBe(
      'Interval cannot be less than 60 seconds',
    );
  });

  it('refuses an explicit timeout above the cap and accepts one at it', () => {
    expect(monitorLimitViolation({ interval: 60, timeout: 31 }, limits)).toBe(
      'Timeout cannot be more than 30 seconds',
    );
    expect(monitorLimitViolation({ interval: 60, timeout: 30 }, limits)).toBeNull();
  });

  it('measures a missing timeout as 80 % of the interval', () => {
    expect(monitorLimitViolation({ interval: 3600, timeout: 0 }, limits)).toMatch(
      /^Timeout cannot be more than 30 seconds \(without a timeout/,
    );
    expect(
      monitorLimitViolation({ interval: 3600, timeout: 0 }, { ...limits, maxTimeoutSeconds: null }),
    ).toBeNull();
  });
});

describe('monitorCountViolation', () => {
  it('allows up to the limit, refuses one more, and never refuses without a limit', () => {
    expect(monitorCountViolation(9, 1, { maxMonitors: 10 })).toBeNull();
    expect(monitorCountViolation(10, 1, { maxMonitors: 10 })).toBe(
      'Monitor limit reached: this account may have at most 10 monitors',
    );
    expect(monitorCountViolation(12, 0, { maxMonitors: 10 })).toBeNull();
    expect(monitorCountViolation(10_000, 500, { maxMonitors: null })).toBeNull();
  });
});
