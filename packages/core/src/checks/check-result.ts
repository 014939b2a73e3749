import type { TlsInfo } from './tls-info.js';

/**
 * What one check found out. A down target is a value, never an exception (architecture rule 5):
 * `status: 'down'` carries the Kuma-compatible error text in `msg`.
 */
export interface CheckResult {
  status: 'up' | 'down';
  msg: string;
  /** Response time in ms, rounded; null when nothing was measured. */
  pingMs: number | null;
  /** Present for HTTPS targets whenever a TLS handshake completed. */
  tls?: TlsInfo;
}
