import { describe, expect, it } from 'vitest';
import { maintenanceInputSchema, toMaintenanceFields } from './maintenance-input.js';
import { maintenanceWindowAt } from './maintenance-window.js';
import type { ZonedMaintenanceSchedule } from './maintenance.js';

const at = (iso: string) => Date.parse(iso);

/**
 * A schedule built the way the handlers build it, from a Kuma MaintenanceInput, for a tenant
 * whose own zone (what `SAME_AS_SERVER` means) is `serverTimeZone`.
 */
function schedule(
  input: Record<string, unknown>,
  serverTimeZone = 'UTC',
): ZonedMaintenanceSchedule {
  const fields = toMaintenanceFields(maintenanceInputSchema.parse({ title: 't', ...input }));
  return { ...fields, serverTimeZone };
}

function statusAt(m: ZonedMaintenanceSchedule, iso: string) {
  return maintenanceWindowAt(m, at(iso)).status;
}

describe('manual', () => {
  it('is under maintenance while active and inactive once paused', () => {
    const m = schedule({ strategy: 'manual' });
    expect(statusAt(m, '2024-01-01T00:00:00Z')).toBe('under-maintenance');
    expect(statusAt({ ...m, active: false }, '2024-01-01T00:00:00Z')).toBe('inactive');
  });
});

describe('single', () => {
  const m = schedule({
    strategy: 'single',
    dateRange: ['2024-06-01 22:00:00', '2024-06-02 02:00:00'],
    timezoneOption: 'Europe/Berlin',
  });

  it('reads its dates in its own zone', () => {
    // 22:00 CEST is 20:00 UTC.
    expect(statusAt(m, '2024-06-01T19:59:59Z')).toBe('scheduled');
    expect(statusAt(m, '2024-06-01T20:00:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-06-02T00:00:00Z')).toBe('ended');
  });

  it('is open-ended without an end date', () => {
    const open = schedule({ strategy: 'single', dateRange: ['2024-06-01 00:00:00'] });
    expect(statusAt(open, '2030-01-01T00:00:00Z')).toBe('under-maintenance');
  });
});

describe('cron', () => {
  const m = schedule({
    strategy: 'cron',
    cron: '0 2 * * *',
    durationMinutes: 90,
    timezoneOption: 'America/New_York',
  });

  it('is open for its duration after each start, in its zone', () => {
    // 02:00 EST is 07:00 UTC.
    expect(statusAt(m, '2024-01-10T06:59:00Z')).toBe('scheduled');
    expect(statusAt(m, '2024-01-10T07:00:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-01-10T08:29:59Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-01-10T08:30:00Z')).toBe('scheduled');
  });

  it('lists the running slot and the next one', () => {
    const state = maintenanceWindowAt(m, at('2024-01-10T07:30:00Z'), { withNext: true });
    expect(state.current).toEqual({
      start: at('2024-01-10T07:00:00Z'),
      end: at('2024-01-10T08:30:00Z'),
    });
    expect(state.next?.start).toBe(at('2024-01-11T07:00:00Z'));
  });

  it('follows daylight saving time: 02:00 local is an hour earlier in UTC in summer', () => {
    expect(statusAt(m, '2024-07-10T06:00:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-07-10T07:30:00Z')).toBe('scheduled');
  });

  it('starts a slot skipped by spring-forward right after the jump', () => {
    // New York skips 02:00–03:00 on 2024-03-10; 02:00 becomes 03:00 EDT = 07:00 UTC.
    const state = maintenanceWindowAt(m, at('2024-03-10T07:10:00Z'), { withNext: true });
    expect(state.current?.start).toBe(at('2024-03-10T07:00:00Z'));
  });

  it('opens once, at the first pass, on a fall-back night', () => {
    const short = schedule({
      strategy: 'cron',
      cron: '30 1 * * *',
      durationMinutes: 10,
      timezoneOption: 'America/New_York',
    });
    // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST) on 2024-11-03.
    expect(statusAt(short, '2024-11-03T05:35:00Z')).toBe('under-maintenance');
    expect(statusAt(short, '2024-11-03T06:35:00Z')).toBe('scheduled');
  });

  it('keeps to its date range', () => {
    const ranged = schedule({
      strategy: 'cron',
      cron: '0 * * * *',
      durationMinutes: 30,
      dateRange: ['2024-01-10 00:00:00', '2024-01-11 00:00:00'],
    });
    expect(statusAt(ranged, '2024-01-09T12:10:00Z')).toBe('scheduled');
    expect(statusAt(ranged, '2024-01-10T12:10:00Z')).toBe('under-maintenance');
    expect(statusAt(ranged, '2024-01-11T00:10:00Z')).toBe('ended');
    const before = maintenanceWindowAt(ranged, at('2024-01-09T12:10:00Z'), { withNext: true });
    expect(before.next?.start).toBe(at('2024-01-10T00:00:00Z'));
  });

  it('is never open with a zero duration', () => {
    const zero = schedule({ strategy: 'cron', cron: '* * * * *', durationMinutes: 0 });
    expect(statusAt(zero, '2024-01-10T12:10:00Z')).toBe('scheduled');
  });
});

describe('recurring-weekday', () => {
  const m = schedule({
    strategy: 'recurring-weekday',
    weekdays: [6, 0],
    timeRange: [
      { hours: 23, minutes: 0 },
      { hours: 1, minutes: 0 },
    ],
    timezoneOption: 'Asia/Tokyo',
  });

  it('generates the cron and a duration that crosses midnight', () => {
    expect(m.cron).toBe('0 23 * * 0,6');
    expect(m.duration).toBe(2 * 3600);
  });

  it('opens on the chosen weekdays only, across local midnight', () => {
    // Saturday 2024-01-13 23:00 JST = 14:00 UTC; open until Sunday 01:00 JST.
    expect(statusAt(m, '2024-01-13T15:30:00Z')).toBe('under-maintenance');
    // Monday 2024-01-15 23:30 JST.
    expect(statusAt(m, '2024-01-15T14:30:00Z')).toBe('scheduled');
  });
});

describe('recurring-day-of-month', () => {
  const m = schedule({
    strategy: 'recurring-day-of-month',
    daysOfMonth: [15, 'lastDay1', 15, 'lastDay2'],
    timeRange: [
      { hours: 4, minutes: 0 },
      { hours: 5, minutes: 30 },
    ],
  });

  it('turns lastDay1 into L, drops duplicates and the ignored lastDayN', () => {
    expect(m.cron).toBe('0 4 15,L * *');
    expect(m.duration).toBe(5400);
  });

  it('opens on the listed days and the last day of the month', () => {
    expect(statusAt(m, '2024-02-15T04:10:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-02-29T05:00:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-02-28T04:10:00Z')).toBe('scheduled');
  });
});

describe('recurring-interval', () => {
  const m = schedule({
    strategy: 'recurring-interval',
    intervalDay: 3,
    dateRange: ['2024-03-08 00:00:00'],
    timeRange: [
      { hours: 1, minutes: 0 },
      { hours: 2, minutes: 0 },
    ],
    timezoneOption: 'Europe/London',
  });

  it('stores the cron Kuma generates', () => {
    expect(m.cron).toBe('0 1 */3 * *');
  });

  it('opens every N days counted from the start date, across month ends', () => {
    expect(statusAt(m, '2024-03-08T01:30:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-03-09T01:30:00Z')).toBe('scheduled');
    expect(statusAt(m, '2024-03-11T01:30:00Z')).toBe('under-maintenance');
    // 2024-04-01 is 24 days after 03-08; London is on BST (+1), so 01:00 local = 00:00 UTC.
    expect(statusAt(m, '2024-04-01T00:30:00Z')).toBe('under-maintenance');
    expect(statusAt(m, '2024-04-01T01:30:00Z')).toBe('scheduled');
  });

  it('reports the next slot before the start date', () => {
    const state = maintenanceWindowAt(m, at('2024-03-01T00:00:00Z'), { withNext: true });
    expect(state.status).toBe('scheduled');
    expect(state.next?.start).toBe(at('2024-03-08T01:00:00Z'));
  });
});

describe('time zone option', () => {
  it('reads SAME_AS_SERVER and no zone as UTC', () => {
    for (const timezoneOption of ['SAME_AS_SERVER', null]) {
      const m = schedule({
        strategy: 'cron',
        cron: '0 12 * * *',
        durationMinutes: 60,
        timezoneOption,
      });
      expect(statusAt(m, '2024-01-01T12:30:00Z')).toBe('under-maintenance');
    }
  });
});

describe("SAME_AS_SERVER means the tenant's own zone", () => {
  it('reads a window in the zone the tenant chose, and in UTC without one', () => {
    const input = {
      strategy: 'single',
      dateRange: ['2024-06-01 09:00:00', '2024-06-01 10:00:00'],
      timezoneOption: 'SAME_AS_SERVER',
    };
    // 09:30 in Tokyo is 00:30 UTC.
    expect(statusAt(schedule(input, 'Asia/Tokyo'), '2024-06-01T00:30:00Z')).toBe(
      'under-maintenance',
    );
    expect(statusAt(schedule(input, 'UTC'), '2024-06-01T00:30:00Z')).toBe('scheduled');
    expect(statusAt(schedule(input, 'UTC'), '2024-06-01T09:30:00Z')).toBe('under-maintenance');
  });
});
