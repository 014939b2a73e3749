import { describe, expect, it } from 'vitest';
import { maintenanceInputSchema, toMaintenanceFields } from './maintenance-input.js';
import { toMaintenanceJson } from './maintenance-wire.js';
import type { Maintenance } from './maintenance.js';

function maintenance(input: Record<string, unknown>): Maintenance {
  const fields = toMaintenanceFields(
    maintenanceInputSchema.parse({ title: 'db upgrade', description: 'd', ...input }),
  );
  return { id: 7, tenantId: 1, userId: 1, serverTimeZone: 'UTC', ...fields };
}

describe('toMaintenanceJson', () => {
  it('returns single windows with their dates verbatim and their slot as stored', () => {
    const json = toMaintenanceJson(
      maintenance({
        strategy: 'single',
        dateRange: ['2022-12-27 22:36:00', '2022-12-29 22:36:00'],
        timezoneOption: 'Europe/Berlin',
      }),
      Date.parse('2022-12-28T00:00:00Z'),
    );
    expect(json).toMatchObject({
      id: 7,
      title: 'db upgrade',
      strategy: 'single',
      active: true,
      dateRange: ['2022-12-27 22:36:00', '2022-12-29 22:36:00'],
      timeRange: [
        { hours: 0, minutes: 0 },
        { hours: 0, minutes: 0 },
      ],
      timeslotList: [{ startDate: '2022-12-27 22:36:00', endDate: '2022-12-29 22:36:00' }],
      duration: null,
      durationMinutes: null,
      timezone: 'Europe/Berlin',
      timezoneOption: 'Europe/Berlin',
      timezoneOffset: '+01:00',
      status: 'under-maintenance',
    });
  });

  it('gives recurring windows their times, cron and ISO timeslots', () => {
    const json = toMaintenanceJson(
      maintenance({
        strategy: 'recurring-weekday',
        weekdays: [1],
        timeRange: [
          { hours: 2, minutes: 0 },
          { hours: 3, minutes: 0 },
        ],
        timezoneOption: 'SAME_AS_SERVER',
      }),
      Date.parse('2024-01-01T02:30:00Z'),
    );
    expect(json).toMatchObject({
      dateRange: [null],
      timeRange: [
        { hours: 2, minutes: 0, seconds: 0 },
        { hours: 3, minutes: 0, seconds: 0 },
      ],
      cron: '0 2 * * 1',
      duration: 3600,
      durationMinutes: 60,
      timezone: 'UTC',
      timezoneOffset: '+00:00',
      status: 'under-maintenance',
      timeslotList: [
        { startDate: '2024-01-01T02:00:00.000Z', endDate: '2024-01-01T03:00:00.000Z' },
        { startDate: '2024-01-08T02:00:00.000Z', endDate: '2024-01-08T03:00:00.000Z' },
      ],
    });
  });

  it('gives manual windows no timeslots', () => {
    const json = toMaintenanceJson(maintenance({ strategy: 'manual', active: 0 }), 0);
    expect(json.timeslotList).toEqual([]);
    expect(json.status).toBe('inactive');
  });
});

describe('maintenance input', () => {
  it('ignores the computed keys a client sends back', () => {
    const parsed = maintenanceInputSchema.parse({
      title: 't',
      strategy: 'manual',
      status: 'scheduled',
      timeslotList: [],
      timezone: 'UTC',
    });
    expect(parsed).not.toHaveProperty('status');
  });

  it.each([
    [{ strategy: 'weekly' }, /strategy must be one of/],
    [{ strategy: 'single', dateRange: ['31/12/2024'] }, /Dates must look like/],
    [{ strategy: 'manual', timezoneOption: 'Mars/Olympus' }, /Unknown time zone/],
  ])('refuses %j', (input, message) => {
    const result = maintenanceInputSchema.safeParse({ title: 't', ...input });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it.each([
    [{ strategy: 'cron', cron: 'every day' }, /5 fields/],
    [{ strategy: 'recurring-weekday', weekdays: [] }, /weekday/],
    [{ strategy: 'recurring-day-of-month', daysOfMonth: ['lastDay3'] }, /day of the month/],
    [{ strategy: 'recurring-interval' }, /intervalDay/],
  ])('refuses the unusable combination %j', (input, message) => {
    const parsed = maintenanceInputSchema.parse({ title: 't', ...input });
    expect(() => toMaintenanceFields(parsed)).toThrow(message);
  });
});
