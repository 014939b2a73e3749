import type { Kysely } from 'kysely';
import { tenantSettingsRepository, type Database } from '@watchpost/core/db';
import { postLoginInfo, type ServerInfo } from './server-info.js';

// Watchpost runs and stores everything in UTC; a tenant's `serverTimezone` setting only
// changes the zone it is shown and reported in.
export const DEFAULT_TIMEZONE = 'UTC';

/** True for a zone name the runtime knows (IANA names and `UTC`). */
export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `"+02:00"` style offset of `zone` at `now` (spec §5.12 `serverTimezoneOffset`). */
export function timezoneOffset(zone: string, now: Date = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName')?.value;
  // `longOffset` gives "GMT" for a zero offset and "GMT+05:30" otherwise.
  const offset = name?.replace(/^GMT/, '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** The tenant's effective zone: its `serverTimezone` setting when set and still valid. */
export function effectiveTimezone(setting: unknown): string {
  return typeof setting === 'string' && setting !== '' && isValidTimezone(setting)
    ? setting
    : DEFAULT_TIMEZONE;
}

/** Post-login `info` (spec §5.12) with the tenant's `primaryBaseURL` and zone. */
export async function loadTenantInfo(db: Kysely<Database>, tenantId: number): Promise<ServerInfo> {
  const [baseUrl, zoneSetting] = await Promise.all([
    tenantSettingsRepository.getSetting(db, tenantId, 'primaryBaseURL'),
    tenantSettingsRepository.getSetting(db, tenantId, 'serverTimezone'),
  ]);
  const zone = effectiveTimezone(zoneSetting);
  return {
    ...postLoginInfo(),
    // Spec §5.12: null while the setting was never saved.
    primaryBaseURL: typeof baseUrl === 'string' ? baseUrl : null,
    serverTimezone: zone,
    serverTimezoneOffset: timezoneOffset(zone),
  };
}
