import type { Kysely } from 'kysely';
import {
  resolveTenantTimeZone,
  settingsRepository,
  zonedDateTime,
  type Database,
} from '@watchpost/core/db';
import type { ServerInfo } from '@watchpost/core';
import { postLoginInfo } from './server-info.js';

/** Post-login `info` (spec §5.12) with the tenant's `primaryBaseURL` and zone. */
export async function loadTenantInfo(db: Kysely<Database>, tenantId: number): Promise<ServerInfo> {
  const [baseUrl, zoneSetting] = await Promise.all([
    settingsRepository.getSetting(db, tenantId, 'primaryBaseURL'),
    settingsRepository.getSetting(db, tenantId, 'serverTimezone'),
  ]);
  const zone = resolveTenantTimeZone(zoneSetting);
  return {
    ...postLoginInfo(),
    // Spec §5.12: null while the setting was never saved.
    primaryBaseURL: typeof baseUrl === 'string' ? baseUrl : null,
    serverTimezone: zone,
    serverTimezoneOffset: zonedDateTime(new Date(), zone).timezoneOffset,
  };
}
