import { describe, expect, it } from 'vitest';
import type { MaintenanceJson } from '@watchpost/core/db';
import { describeMaintenanceTimes } from './maintenance-times.js';

const window = (overrides: Partial<MaintenanceJson>): MaintenanceJson => ({
  id: 1,
  title: 'w',
  description: '',
  strategy: 'single',
  intervalDay: null,
  active: true,
  dateRange: [],
  timeRange: [],
  weekdays: [],
  daysOfMonth: [],
  timeslotList: [],
  cron: null,
  duration: null,
  durationMinutes: null,
  timezone: 'America/New_York',
  timezoneOption: 'America/New_York',
  timezoneOffset: '-05:00',
  status: 'under-maintenance',
  ...overrides,
});

describe('describeMaintenanceTimes', () => {
  it("shows a single window's stored local times with its zone", () => {
    expect(
      describeMaintenanceTimes(
        window({
          timeslotList: [{ startDate: '2026-12-07 22:00:00', endDate: '2026-12-08 02:00:00' }],
        }),
      ),
    ).toBe('2026-12-07 22:00 – 2026-12-08 02:00 (America/New_York, UTC-05:00)');
  });

  it("turns a recurring slot's instants into the window's zone", () => {
    expect(
      describeMaintenanceTimes(
        window({
          strategy: 'cron',
          timeslotList: [
            { startDate: '2026-12-07T03:00:00.000Z', endDate: '2026-12-07T05:30:00.000Z' },
          ],
        }),
      ),
    ).toBe('2026-12-06 22:00 – 2026-12-07 00:30 (America/New_York, UTC-05:00)');
  });

  it('says when a manual window has no end', () => {
    expect(describeMaintenanceTimes(window({ strategy: 'manual' }))).toBe(
      'Until it is ended by hand',
    );
  });
});
