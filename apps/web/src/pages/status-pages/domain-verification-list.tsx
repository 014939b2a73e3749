import type { DomainVerificationState } from '@watchpost/core';
import { CopyButton } from '../../components/copy-button.js';
import { Row } from '../../components/layout.js';
import { strings } from '../../strings.js';

const s = strings.statusPages;

/**
 * Per saved custom domain: verified, or the TXT record that verifies it, with copy buttons
 * (docs/protocol/status-pages.md#custom-domains). Status is said in words, not by colour.
 */
export function DomainVerificationList({
  domains,
}: {
  domains: readonly DomainVerificationState[];
}) {
  if (domains.length === 0) return null;
  return (
    <section aria-label={s.domainStatus} className="stack">
      <h3>{s.domainStatus}</h3>
      <ul className="item-list">
        {domains.map((entry) => (
          <li key={entry.domain} className="item">
            {entry.verified ? (
              <p>{s.domainVerified(entry.domain)}</p>
            ) : (
              <div className="stack">
                <p>{s.domainUnverified(entry.domain)}</p>
                <dl>
                  <dt>{s.txtName}</dt>
                  <dd>
                    <Row>
                      <code>{entry.txtName}</code>
                      <CopyButton text={entry.txtName} label={s.copyTxtName(entry.domain)} />
                    </Row>
                  </dd>
                  <dt>{s.txtValue}</dt>
                  <dd>
                    <Row>
                      <code>{entry.txtValue}</code>
                      <CopyButton text={entry.txtValue} label={s.copyTxtValue(entry.domain)} />
                    </Row>
                  </dd>
                </dl>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
