export interface CertFacts {
  valid: boolean;
  certInfo: {
    subject?: Record<string, unknown>;
    issuer?: Record<string, unknown>;
    validTo?: string;
    daysRemaining?: number;
  };
}

/** The `certInfo` text as docs/protocol/monitors.md#tls-info describes it, or null when unreadable. */
export function parseCertInfo(text: string | null): CertFacts | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as CertFacts;
    return typeof parsed === 'object' && parsed !== null && typeof parsed.certInfo === 'object'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/** A certificate name: its CN, else its organisation, else every field. */
export function certNameOf(name: Record<string, unknown> | undefined): string {
  if (!name) return '–';
  const first = name.CN ?? name.O;
  if (first !== undefined) return Array.isArray(first) ? first.join(', ') : String(first);
  return Object.values(name).join(', ') || '–';
}
