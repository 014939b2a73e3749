import { strings } from '../../strings.js';

const t = strings.monitor.page;

interface CertFacts {
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
function nameOf(name: Record<string, unknown> | undefined): string {
  if (!name) return '–';
  const first = name.CN ?? name.O;
  if (first !== undefined) return Array.isArray(first) ? first.join(', ') : String(first);
  return Object.values(name).join(', ') || '–';
}

/** Expiry, issuer and trust of the monitor's latest TLS certificate. */
export function CertificateFacts({ certInfo }: { certInfo: string | null }) {
  const facts = parseCertInfo(certInfo);
  if (!facts) return <p>{strings.monitor.page.noCertificate}</p>;
  const { validTo, daysRemaining, issuer, subject } = facts.certInfo;
  return (
    <dl className="figures">
      <div>
        <dt>{t.certExpiry}</dt>
        <dd>
          {validTo ? new Date(validTo).toLocaleDateString() : '–'}
          {daysRemaining !== undefined && ` (${t.certDaysLeft(daysRemaining)})`}
        </dd>
      </div>
      <div>
        <dt>{t.certIssuer}</dt>
        <dd>{nameOf(issuer)}</dd>
      </div>
      <div>
        <dt>{t.certSubject}</dt>
        <dd>{nameOf(subject)}</dd>
      </div>
      <div>
        <dt>{t.certValid}</dt>
        <dd>{facts.valid ? t.certTrusted : t.certInvalid}</dd>
      </div>
    </dl>
  );
}
