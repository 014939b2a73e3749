import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ServerInfo } from '../protocol/server-events.js';
import * as settingsRepository from '../settings/settings-repository.js';
import { findDefaultTenantId } from '../status-pages/public-status-page-repository.js';
import { resolveTenantTimeZone, zonedDateTime } from '../settings/tenant-time-zone.js';
import { postLoginInfo } from './server-info.js';

/**
 * Post-login `info` (docs/protocol/settings.md#info-object) with the tenant's `primaryBaseURL` and zone. A loader (the
 * database and the tenant, not a ServiceContext) because the login burst and the settings
 * events both send it.
 */
export async function loadTenantInfo(db: Kysely<Database>, tenantId: number): Promise<ServerInfo> {
  const [baseUrl, zoneSetting, defaultTenantId] = await Promise.all([
    settingsRepository.getSetting(db, tenantId, 'primaryBaseURL'),
    settingsRepository.getSetting(db, tenantId, 'serverTimezone'),
    findDefaultTenantId(db),
  ]);
  const zone = resolveTenantTimeZone(zoneSetting);
  return {
    ...postLoginInfo(),
    // docs/protocol/settings.md#info-object: null while the setting was never saved.
    primaryBaseURL: typeof baseUrl === 'string' ? baseUrl : null,
    serverTimezone: zone,
    serverTimezoneOffset: zonedDateTime(new Date(), zone).timezoneOffset,
    // docs/protocol/settings.md#info-object: Kuma's plain public paths mean the instance's
    // first tenant (docs/protocol/status-pages.md#tenants-and-custom-domains); every other
    // tenant's public pages live under its `/t/<id>` prefix.
    publicPathPrefix: tenantId === defaultTenantId ? '' : `/t/${tenantId}`,
  };
}
