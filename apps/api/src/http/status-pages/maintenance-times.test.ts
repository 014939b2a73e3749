import { describe, expect, it } from 'vitest';
import type { MaintenanceJson } from '@watchpost/core/db';
import { renderMaintenanceTimes } from './maintenance-times.js';

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

// Text only: the times' markup is the page's (render-status-page.test.ts).
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('renderMaintenanceTimes', () => {
  it("turns a single window's stored local times into instants, shown in the page's zone", () => {
    const html = renderMaintenanceTimes(
      window({
        timeslotList: [{ startDate: '2026-12-07 22:00:00', endDate: '2026-12-08 02:00:00' }],
      }),
      'Europe/Berlin',
    );
    expect(html).toContain('<time datetime="2026-12-08T03:00:00.000Z">');
    expect(textOf(html)).toBe('2026-12-08 04:00 – 2026-12-08 08:00 (Europe/Berlin, UTC+01:00)');
  });

  it("shows a recurring slot's instants in the page's zone", () => {
    const html = renderMaintenanceTimes(
      window({
        strategy: 'cron',
        timeslotList: [
          { startDate: '2026-12-07T03:00:00.000Z', endDate: '2026-12-07T05:30:00.000Z' },
        ],
      }),
      'America/New_York',
    );
    expect(textOf(html)).toBe('2026-12-06 22:00 – 2026-12-07 00:30 (America/New_York, UTC-05:00)');
    expect(
      textOf(
        renderMaintenanceTimes(
          window({
            strategy: 'cron',
            timeslotList: [{ startDate: '2026-12-07T03:00:00.000Z', endDate: null }],
          }),
          'UTC',
        ),
      ),
    ).toBe('From 2026-12-07 03:00 (UTC)');
  });

  it('says when a manual window has no end', () => {
    expect(renderMaintenanceTimes(window({ strategy: 'manual' }), 'UTC')).toBe(
      'Until it is ended by hand',
    );
  });
});
