import type { Kysely } from 'kysely';
import type { TlsInfo } from '../../checks/tls-info.js';
import type { Database } from '../../db/database.js';
import type { Monitor } from '../../monitors/monitor.js';
import { tlsExpiryNotifyDaysOf } from '../../settings/setting-values.js';
import { getSetting } from '../../settings/settings-repository.js';
import {
  certExpiryNotices,
  wantsCertExpiryNotices,
  type CertExpiryMonitor,
  type CertExpiryNotice,
} from './cert-expiry.js';

/**
 * The reminders a check calls for under its tenant's `tlsExpiryNotifyDays` (docs/protocol/monitoring.md#important-beats-and-notifications).
 * The setting is read only for checks that can call for reminders at all (TLS facts, the
 * monitor's `expiryNotification` on), so other checks pay no query; it is read fresh each
 * time so a changed setting applies to the next check, as upstream's does.
 */
export async function findCertExpiryNotices(
  db: Kysely<Database>,
  monitor: CertExpiryMonitor & Pick<Monitor, 'tenantId'>,
  tls: TlsInfo | undefined,
): Promise<CertExpiryNotice[]> {
  if (!wantsCertExpiryNotices(monitor, tls)) return [];
  const setting = await getSetting(db, monitor.tenantId, 'tlsExpiryNotifyDays');
  return certExpiryNotices(monitor, tls, tlsExpiryNotifyDaysOf(setting));
}
