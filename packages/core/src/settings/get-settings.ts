import type { ServiceContext } from '../services/service-context.js';
import * as settingsRepository from './settings-repository.js';
import { DEFAULT_KEEP_DATA_PERIOD_DAYS, DEFAULT_TLS_EXPIRY_NOTIFY_DAYS } from './setting-values.js';
import { DEFAULT_TIME_ZONE } from './tenant-time-zone.js';

/**
 * docs/protocol/settings.md#settings-object defaults, answered for keys a tenant never saved. Upstream leaves filling them
 * to its clients (a fresh install answers only `serverTimezone`); answering them here is
 * what those clients would show anyway. `nscd` is left out: its default differs between
 * clients, and Watchpost runs no local DNS cache.
 */
const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = {
  checkUpdate: true,
  checkBeta: false,
  keepDataPeriodDays: DEFAULT_KEEP_DATA_PERIOD_DAYS,
  entryPage: 'dashboard',
  searchEngineIndex: false,
  primaryBaseURL: '',
  steamAPIKey: '',
  dnsCache: false,
  chromeExecutable: '',
  tlsExpiryNotifyDays: DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
  disableAuth: false,
  trustProxy: false,
};

/** docs/protocol/settings.md: every `general` setting, JSON-decoded, defaults filled in. */
export async function getSettings(ctx: ServiceContext): Promise<Record<string, unknown>> {
  const stored = await settingsRepository.getGeneralSettings(ctx.db, ctx.tenantId);
  const data: Record<string, unknown> = { ...SETTING_DEFAULTS, ...stored };
  if (typeof data['serverTimezone'] !== 'string' || data['serverTimezone'] === '') {
    data['serverTimezone'] = DEFAULT_TIME_ZONE;
  }
  return data;
}
