import type { CertInfo, TlsInfo } from '../../checks/tls-info.js';
import type { Monitor } from '../../monitors/monitor.js';

/** Spec §5.11 `tlsExpiryNotifyDays` default; tenants cannot change it yet. */
export const DEFAULT_TLS_EXPIRY_NOTIFY_DAYS = [7, 14, 21];

const CHECKS_WITH_CERTIFICATES = new Set(['http', 'keyword', 'json-query']);

/** One reminder to send, unless it was sent for this certificate and threshold before. */
export interface CertExpiryNotice {
  days: number;
  msg: string;
}

/**
 * The certificate-expiry reminders a check's TLS facts call for (spec §6.4): for each
 * threshold, the first certificate of the chain (leaf first, stopping at the root) that
 * expires within it, worded as upstream. Sending each only once per threshold and leaf
 * certificate is recordCertExpiryNotices' part.
 */
export function certExpiryNotices(
  monitor: Pick<Monitor, 'type' | 'name' | 'url' | 'expiryNotification' | 'ignoreTls'>,
  tls: TlsInfo | undefined,
  thresholds: readonly number[] = DEFAULT_TLS_EXPIRY_NOTIFY_DAYS,
): CertExpiryNotice[] {
  if (!tls || !monitor.expiryNotification || monitor.ignoreTls) return [];
  if (!CHECKS_WITH_CERTIFICATES.has(monitor.type)) return [];
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
