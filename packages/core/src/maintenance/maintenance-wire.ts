import { effectiveTimeZone, type Maintenance, type MaintenanceStatus } from './maintenance.js';
import { maintenanceWindowAt } from './maintenance-window.js';
import { formatOffset, isValidTimeZone } from './zoned-time.js';

/** docs/protocol/maintenance.md#maintenance-object Maintenance, as in `maintenanceList` and `getMaintenance`. */
export interface MaintenanceJson {
  id: number;
  title: string;
  description: string;
  strategy: string;
  intervalDay: number | null;
  active: boolean;
  dateRange: (string | null)[];
  timeRange: { hours: number; minutes: number; seconds?: number }[];
  weekdays: number[];
  daysOfMonth: (number | string)[];
  timeslotList: { startDate: string | null; endDate: string | null }[];
  cron: string | null;
  duration: number | null;
  durationMinutes: number | null;
  timezone: string;
  timezoneOption: string | null;
  timezoneOffset: string;
  status: MaintenanceStatus;
}

/**
 * The wire object at `now`. `getMaintenance` and the list use the same computed status and
 * timeslots (docs/protocol/compatibility.md#status-of-getmaintenance recommends it over upstream's `unknown`).
 */
export function toMaintenanceJson(m: Maintenance, now: number): MaintenanceJson {
  const window = maintenanceWindowAt(m, now, { withNext: true });
  const zoneOption = effectiveTimeZone(m);
  const zone = isValidTimeZone(zoneOption) ? zoneOption : 'UTC';
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    strategy: m.strategy,
    intervalDay: m.intervalDay,
    active: m.active,
    dateRange: m.endDate ? [m.startDate, m.endDate] : [m.startDate],
    timeRange: [timeOfDay(m.startTime), timeOfDay(m.endTime)],
    weekdays: m.weekdays,
    daysOfMonth: m.daysOfMonth,
    timeslotList: timeslotsOf(m, window),
    cron: m.cron,
    duration: m.duration,
    durationMinutes: m.duration === null ? null : Math.trunc(m.duration / 60),
    timezone: zone,
    timezoneOption: m.timezoneOption,
    timezoneOffset: formatOffset(now, zone),
    status: window.status,
  };
}

function timeslotsOf(
  m: Maintenance,
  window: ReturnType<typeof maintenanceWindowAt>,
): MaintenanceJson['timeslotList'] {
  switch (m.strategy) {
    case 'manual':
      return [];
    case 'single':
      // The stored strings, local to the window's zone (docs/protocol/maintenance.md#maintenance-object).
      return m.startDate ? [{ startDate: m.startDate, endDate: m.endDate }] : [];
    default: {
      const iso = (t: number) => new Date(t).toISOString();
      return [window.current, window.next]
        .filter((slot) => slot !== null)
        .map((slot) => ({ startDate: iso(slot.start), endDate: iso(slot.end) }));
    }
  }
}

function timeOfDay(text: string | null): { hours: number; minutes: number; seconds?: number } {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text ?? '');
  if (!match) return { hours: 0, minutes: 0 };
  return { hours: Number(match[1]), minutes: Number(match[2]), seconds: Number(match[3] ?? 0) };
}
