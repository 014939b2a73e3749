/** docs/protocol/maintenance.md#maintenance-object `strategy` values. */
export const MAINTENANCE_STRATEGIES = [
  'manual',
  'single',
  'recurring-interval',
  'recurring-weekday',
  'recurring-day-of-month',
  'cron',
] as const;
export type MaintenanceStrategy = (typeof MAINTENANCE_STRATEGIES)[number];

/** docs/protocol/maintenance.md#maintenance-object `status` values. */
export type MaintenanceStatus =
  'inactive' | 'under-maintenance' | 'scheduled' | 'ended' | 'unknown';

export const SAME_AS_SERVER = 'SAME_AS_SERVER';

/** What decides when a window is open; everything else about a maintenance is description. */
export interface MaintenanceSchedule {
  strategy: MaintenanceStrategy;
  active: boolean;
  /** Wall-clock `YYYY-MM-DD HH:mm:ss` in the window's zone, verbatim as the client sent it. */
  startDate: string | null;
  endDate: string | null;
  /** `HH:mm` or `HH:mm:ss`, recurring strategies only. */
  startTime: string | null;
  endTime: string | null;
  intervalDay: number | null;
  /** Stored for `cron`, generated for `recurring-weekday` / `recurring-day-of-month`. */
  cron: string | null;
  /** Window length in seconds (cron and recurring). */
  duration: number | null;
  /** As stored: an IANA name, `SAME_AS_SERVER` or null. */
  timezoneOption: string | null;
}

/** A stored window, with the zone its wall-clock times are read in when it names none. */
export interface ZonedMaintenanceSchedule extends MaintenanceSchedule {
  /**
   * The tenant's zone (its `serverTimezone` setting, resolveTenantTimeZone), which
   * `SAME_AS_SERVER` and a missing zone mean: in a multi-tenant server, "the server's zone"
   * is the zone the tenant chose for itself.
   */
  serverTimeZone: string;
}

export interface Maintenance extends ZonedMaintenanceSchedule {
  id: number;
  tenantId: number;
  userId: number | null;
  title: string;
  description: string;
  weekdays: number[];
  daysOfMonth: (number | string)[];
}

/** The zone a window's wall-clock times are read in. */
export function effectiveTimeZone(m: ZonedMaintenanceSchedule): string {
  const option = m.timezoneOption;
  return option && option !== SAME_AS_SERVER ? option : m.serverTimeZone;
}
