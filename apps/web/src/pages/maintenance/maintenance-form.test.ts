import { describe, expect, it } from 'vitest';
import { MAINTENANCE_STRATEGIES, type MaintenanceJson } from '@watchpost/core';
import { fieldOfMessage } from '../../lib/field-of-message.js';
import {
  MAINTENANCE_MESSAGES,
  NEW_MAINTENANCE,
  STRATEGIES,
  fieldsOfStrategy,
  maintenanceFormFromJson,
  maintenancePayload,
  toLocalInput,
  toWireDate,
} from './maintenance-form.js';

const stored: MaintenanceJson = {
  id: 7,
  title: 'Database upgrade',
  description: 'Monthly',
  strategy: 'recurring-weekday',
  intervalDay: null,
  active: false,
  dateRange: ['2026-12-27 22:36:00', null],
  timeRange: [
    { hours: 23, minutes: 5, seconds: 0 },
    { hours: 1, minutes: 30, seconds: 0 },
  ],
  weekdays: [5, 1],
  daysOfMonth: [],
  timeslotList: [],
  cron: '5 23 * * 1,5',
  duration: 8700,
  durationMinutes: 145,
  timezone: 'Europe/Berlin',
  timezoneOption: 'Europe/Berlin',
  timezoneOffset: '+01:00',
  status: 'inactive',
};

describe('maintenance form mapping', () => {
  it('offers exactly the strategies the server accepts', () => {
    expect([...STRATEGIES]).toEqual([...MAINTENANCE_STRATEGIES]);
  });

  it('reads a stored window into the form and writes it back unchanged', () => {
    const form = maintenanceFormFromJson(stored, { monitorIds: [3], statusPageIds: [] });
    expect(form).toMatchObject({
      id: 7,
      strategy: 'recurring-weekday',
      active: false,
      startDate: '2026-12-27T22:36',
      endDate: '',
      startTime: '23:05',
      endTime: '01:30',
      weekdays: [5, 1],
      // a generated cron is not the form's own: the cron field keeps its default
      cron: NEW_MAINTENANCE.cron,
      durationMinutes: '145',
      timezoneOption: 'Europe/Berlin',
      monitorIds: [3],
    });
    expect(maintenancePayload(form)).toEqual({
      id: 7,
      title: 'Database upgrade',
      description: 'Monthly',
      strategy: 'recurring-weekday',
      active: false,
      intervalDay: 1,
      dateRange: ['2026-12-27 22:36:00', null],
      timeRange: [
        { hours: 23, minutes: 5 },
        { hours: 1, minutes: 30 },
      ],
      weekdays: [1, 5],
      daysOfMonth: [],
      cron: NEW_MAINTENANCE.cron,
      durationMinutes: 145,
      timezoneOption: 'Europe/Berlin',
    });
  });

  it('sends a new window without an id, blanks as null', () => {
    const payload = maintenancePayload({
      ...NEW_MAINTENANCE,
      title: 'Now',
      strategy: 'cron',
      cron: '0 4 * * 0',
      durationMinutes: '',
      timezoneOption: '',
      daysOfMonth: [1, 'lastDay1'],
    });
    expect(payload).not.toHaveProperty('id');
    expect(payload).toMatchObject({
      strategy: 'cron',
      cron: '0 4 * * 0',
      durationMinutes: null,
      timezoneOption: null,
      dateRange: [null, null],
      daysOfMonth: [1, 'lastDay1'],
    });
  });

  it('converts between the wire date and the datetime-local form', () => {
    expect(toLocalInput('2026-01-31 22:00:00')).toBe('2026-01-31T22:00');
    expect(toLocalInput(null)).toBe('');
    expect(toWireDate('2026-01-31T22:00')).toBe('2026-01-31 22:00:00');
    expect(toWireDate('')).toBeNull();
  });

  it('shows each strategy only its own fields', () => {
    expect(fieldsOfStrategy('manual')).toMatchObject({ dateRange: false, timezone: false });
    expect(fieldsOfStrategy('recurring-interval')).toMatchObject({
      intervalDay: true,
      timeRange: true,
      weekdays: false,
    });
    expect(fieldsOfStrategy('cron')).toMatchObject({
      cron: true,
      duration: true,
      timeRange: false,
    });
  });

  it('places the server messages on their fields', () => {
    const place = (msg: string) => fieldOfMessage(msg, MAINTENANCE_MESSAGES);
    expect(place('Choose at least one weekday.')).toBe('weekdays');
    expect(place('Choose at least one day of the month.')).toBe('daysOfMonth');
    expect(place('intervalDay must be 1…3650.')).toBe('intervalDay');
    expect(place('Dates must look like "2024-01-31 22:00:00".')).toBe('dateRange');
    expect(place('Cron expression must have 5 fields, got 3.')).toBe('cron');
    expect(place('Invalid minute field "99".')).toBe('cron');
    expect(place('Unknown time zone.')).toBe('timezoneOption');
    expect(place('Monitor not found.')).toBe('monitors');
    expect(place('Maintenance not found')).toBe('form');
  });
});
