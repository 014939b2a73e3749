import { AppError } from '../errors/app-error.js';
import type { DomainVerification } from './domain-verification.js';

/**
 * The instance's own hostnames (`PUBLIC_HOSTNAMES`) and their subdomains serve every
 * tenant's login and API; no status page may take them over
 * (docs/protocol/status-pages.md#custom-domains).
 */
export function assertClaimableDomains(
  verification: DomainVerification,
  domains: readonly string[],
): void {
  for (const domain of domains) {
    const own = verification.publicHostnames.find(
      (host) => domain === host || domain.endsWith(`.${host}`),
    );
    if (own !== undefined) {
      throw new AppError(
        'invalid-input',
        `Domain ${domain} belongs to this Watchpost instance and cannot be used for a status page`,
      );
    }
  }
}
