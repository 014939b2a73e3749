import type { MaintenanceJson } from '@watchpost/core/db';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm` of an instant in a time zone (en-CA writes dates as ISO does). */
function inZone(instant: Date, zone: string): string {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  return format.format(instant).replace(', ', ' ');
}

// A single window's slot is stored as local text of its zone; recurring slots are instants
// (docs/protocol/maintenance.md#maintenance-object).
function slotTime(value: string, zone: string): string {
  return value.endsWith('Z') ? inZone(new Date(value), zone) : value.slice(0, 16);
}

/**
 * When a window in progress runs, in its own time zone with the offset, as Kuma's status
 * page shows it: `2026-12-07 22:00 – 2026-12-08 02:00 (Europe/Berlin, UTC+01:00)`.
 */
export function describeMaintenanceTimes(m: MaintenanceJson): string {
  const zone = `(${m.timezone}, UTC${m.timezoneOffset})`;
  const slot = m.timeslotList[0];
  if (!slot?.startDate) return 'Until it is ended by hand';
  const start = slotTime(slot.startDate, m.timezone);
  return slot.endDate
    ? `${start} – ${slotTime(slot.endDate, m.timezone)} ${zone}`
    : `From ${start} ${zone}`;
}
