import { strings } from '../../strings.js';
import { certNameOf, parseCertInfo } from './certificate.js';

const t = strings.monitor.page;

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
        <dd>{certNameOf(issuer)}</dd>
      </div>
      <div>
        <dt>{t.certSubject}</dt>
        <dd>{certNameOf(subject)}</dd>
      </div>
      <div>
        <dt>{t.certValid}</dt>
        <dd>{facts.valid ? t.certTrusted : t.certInvalid}</dd>
      </div>
    </dl>
  );
}
