/**
 * Certificate facts captured from an HTTPS check. Serialised as JSON text for the `certInfo`
 * push (docs/protocol/monitors.md#tls-info). Buffers (`raw`, `pubkey`) are left out on purpose: no client reads them
 * and they would multiply the size of every state row.
 */
export interface CertInfo {
  subject: Record<string, string | string[]>;
  issuer: Record<string, string | string[]>;
  subjectaltname: string | null;
  valid_from: string;
  valid_to: string;
  fingerprint: string;
  fingerprint256: string;
  serialNumber: string;
  /** ISO 8601 form of `valid_to`. */
  validTo: string;
  /** Names from subjectaltname without their `DNS:` / `IP Address:` prefixes. */
  validFor: string[];
  /** Whole days until `validTo`, rounded; negative once expired. */
  daysRemaining: number;
  certType: 'server' | 'intermediate CA' | 'root CA' | 'self-signed';
  issuerCertificate: CertInfo | null;
}

export interface TlsInfo {
  /** True when the chain verified against the trust store and the name matched. */
  valid: boolean;
  certInfo: CertInfo;
}
