import type { CertInfo, TlsInfo } from '../../checks/tls-info.js';
import type { Monitor } from '../../monitors/monitor.js';
import { DEFAULT_TLS_EXPIRY_NOTIFY_DAYS } from '../../settings/setting-values.js';

const CHECKS_WITH_CERTIFICATES = new Set(['http', 'keyword', 'json-query']);

/** One reminder to send, unless it was sent for this certificate and threshold before. */
export interface CertExpiryNotice {
  days: number;
  msg: string;
}

export type CertExpiryMonitor = Pick<
  Monitor,
  'type' | 'name' | 'url' | 'expiryNotification' | 'ignoreTls'
>;

/** Whether a check of this monitor with these TLS facts can call for reminders at all. */
export function wantsCertExpiryNotices(
  monitor: CertExpiryMonitor,
  tls: TlsInfo | undefined,
): tls is TlsInfo {
  return (
    tls !== undefined &&
    monitor.expiryNotification &&
    !monitor.ignoreTls &&
    CHECKS_WITH_CERTIFICATES.has(monitor.type)
  );
}

/**
 * The certificate-expiry reminders a check's TLS facts call for (docs/protocol/monitoring.md#important-beats-and-notifications): for each
 * threshold (the tenant's `tlsExpiryNotifyDays`, see findCertExpiryNotices), the first
 * certificate of the chain (leaf first, stopping at the root) that expires within it,
 * worded as upstream. Sending each only once per threshold and leaf certificate is
 * recordCertExpiryNotices' part.
 */
export function certExpiryNotices(
  monitor: CertExpiryMonitor,
  tls: TlsInfo | undefined,
  thresholds: readonly number[] = DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
): CertExpiryNotice[] {
  if (!wantsCertExpiryNotices(monitor, tls)) return [];
  const notices: CertExpiryNotice[] = [];
  for (const days of thresholds) {
    for (let cert: CertInfo | null = tls.certInfo; cert; cert = cert.issuerCertificate) {
      if (cert.certType === 'root CA') break;
      if (cert.daysRemaining > days) continue;
      notices.push({
        days,
        msg:
          `[${monitor.name}][${monitor.url ?? ''}] ${cert.certType} certificate ` +
          `${commonName(cert)} will be expired in ${cert.daysRemaining} days`,
      });
      break;
    }
  }
  return notices;
}

function commonName(cert: CertInfo): string {
  const cn = cert.subject.CN;
  return Array.isArray(cn) ? (cn[0] ?? '') : (cn ?? '');
}
