import { describe, expect, it } from 'vitest';
import { DOWN, MAINTENANCE, PENDING, UP } from '@watchpost/core';
import { OVERALL_LOOK, overallStatus } from './overall-status.js';

describe('overallStatus', () => {
  it.each([
    [[UP], 'operational'],
    [[UP, UP, UP], 'operational'],
    [[UP, DOWN], 'partial'],
    [[UP, PENDING], 'partial'],
    [[UP, DOWN, PENDING], 'partial'],
    [[DOWN], 'degraded'],
    [[DOWN, PENDING], 'degraded'],
    [[PENDING], 'degraded'],
    [[MAINTENANCE], 'maintenance'],
    [[UP, MAINTENANCE], 'maintenance'],
    [[DOWN, MAINTENANCE, UP], 'maintenance'],
    [[UP, null], 'operational'],
    [[DOWN, null], 'degraded'],
    [[null], 'unknown'],
    [[], 'unknown'],
  ] as const)('%j is %s', (statuses, verdict) => {
    expect(overallStatus(statuses)).toBe(verdict);
  });

  it('words each verdict as Kuma 1.23 does, each with an icon besides its colour', () => {
    expect(OVERALL_LOOK.operational.text).toBe('All Systems Operational');
    expect(OVERALL_LOOK.partial.text).toBe('Partially Degraded Service');
    expect(OVERALL_LOOK.degraded.text).toBe('Degraded Service');
    expect(OVERALL_LOOK.maintenance.text).toBe('Maintenance');
    for (const look of Object.values(OVERALL_LOOK)) expect(look.icon).not.toBe('');
  });
});
