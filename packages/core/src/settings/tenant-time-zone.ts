import { formatDateTime } from '../heartbeats/kuma-time.js';
import { formatOffset, isValidTimeZone, toLocal } from '../maintenance/zoned-time.js';

/**
 * The zone a tenant without a (valid) `serverTimezone` setting is shown and notified in.
 * Watchpost runs and stores everything in UTC; the setting only changes how times are
 * reported, so the server itself has no other zone to fall back on.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * A tenant's effective zone (`getSettings` (docs/protocol/settings.md#getsettings), docs/protocol/settings.md#info-object `info`, providers docs/protocol/transport.md#pushes-and-rooms): its
 * `serverTimezone` setting when that is a zone the runtime knows, else the default. A zone
 * can stop being valid after a runtime update, so a stored value is checked on every read.
 */
export function resolveTenantTimeZone(setting: unknown): string {
  return typeof setting === 'string' && setting !== '' && isValidTimeZone(setting)
    ? setting
    : DEFAULT_TIME_ZONE;
}

/** An instant as providers and `info` report it in a zone. */
export interface ZonedDateTime {
  timezone: string;
  /** `+02:00` style, the zone's offset at that instant (DST included). */
  timezoneOffset: string;
  /** The wall-clock reading in the zone, `YYYY-MM-DD HH:mm:ss`. */
  localDateTime: string;
}

export function zonedDateTime(instant: Date, zone: string): ZonedDateTime {
  const at = instant.getTime();
  return {
    timezone: zone,
    timezoneOffset: formatOffset(at, zone),
    // toLocal gives the reading as if it were UTC, which the UTC formatter then prints.
    localDateTime: formatDateTime(new Date(toLocal(at, zone))),
  };
}
