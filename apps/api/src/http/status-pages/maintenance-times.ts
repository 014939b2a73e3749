import { fromLocal, parseLocalDateTime, type MaintenanceJson } from '@watchpost/core/db';
import { renderTime, renderZone } from './page-time.js';

// A single window's slot is stored as local text of its zone; recurring slots are instants
// (docs/protocol/maintenance.md#maintenance-object).
function slotInstant(value: string, zone: string): Date | undefined {
  if (value.endsWith('Z')) return new Date(value);
  const local = parseLocalDateTime(value);
  return local === null ? undefined : new Date(fromLocal(local, zone));
}

/**
 * When a window in progress runs, in the page's zone (whatever zone the window was planned
 * in) and named: `2026-12-07 22:00 – 2026-12-08 02:00 (Europe/Berlin, UTC+01:00)`, as HTML
 * whose times the page's script may rewrite in the visitor's zone.
 */
export function renderMaintenanceTimes(m: MaintenanceJson, pageZone: string): string {
  const slot = m.timeslotList[0];
  const start = slot?.startDate ? slotInstant(slot.startDate, m.timezone) : undefined;
  if (!start) return 'Until it is ended by hand';
  const end = slot?.endDate ? slotInstant(slot.endDate, m.timezone) : undefined;
  const zone = renderZone(start, pageZone);
  return end
    ? `${renderTime(start, pageZone)} – ${renderTime(end, pageZone)} ${zone}`
    : `From ${renderTime(start, pageZone)} ${zone}`;
}
