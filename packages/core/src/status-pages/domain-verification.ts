import { Resolver } from 'node:dns/promises';
import { z } from 'zod';
import { parseEnv } from '../config/parse-env.js';
import { StartupError } from '../errors/startup-error.js';

/**
 * How a status page's custom domain comes to route (docs/protocol/status-pages.md#custom-domains):
 * with `dns-txt` only after a TXT record proves that the tenant controls it; with `off` at
 * once, as in Kuma (embedded mode: one owner, nobody to squat on).
 */
export interface DomainVerification {
  mode: 'dns-txt' | 'off';
  /** The instance's own hostnames, which no page may claim in either mode. */
  publicHostnames: readonly string[];
  /** The TXT records of a name; rejects when there are none. */
  resolveTxt(name: string): Promise<string[][]>;
}

/** What the page editor shows for one domain of `domainNameList`. */
export interface DomainVerificationState {
  domain: string;
  verified: boolean;
  /** The TXT record to create: its name and its value. */
  txtName: string;
  txtValue: string;
}

export function txtRecordName(domain: string): string {
  return `_watchpost-verify.${domain}`;
}

export function txtRecordValue(token: string): string {
  return `watchpost-verify=${token}`;
}

export function toDomainVerificationState(row: {
  domain: string;
  token: string;
  verified: boolean;
}): DomainVerificationState {
  return {
    domain: row.domain,
    verified: row.verified,
    txtName: txtRecordName(row.domain),
    txtValue: txtRecordValue(row.token),
  };
}

/** Whether the domain's TXT record carries the token; any lookup failure is a no. */
export async function hasVerificationRecord(
  verification: DomainVerification,
  domain: string,
  token: string,
): Promise<boolean> {
  try {
    const records = await verification.resolveTxt(txtRecordName(domain));
    // A long TXT value arrives in 255-byte chunks; the record is their concatenation.
    return records.some((chunks) => chunks.join('') === txtRecordValue(token));
  } catch {
    return false;
  }
}

/** Every domain is verified as it is saved; what embedded mode and tests without DNS use. */
export const VERIFY_DOMAINS_AT_ONCE: DomainVerification = {
  mode: 'off',
  publicHostnames: [],
  resolveTxt: () => Promise.reject(new Error('domains are not verified by DNS')),
};

// A save waits for the lookups: short, and two tries so one lost packet does not matter.
const LOOKUP_TIMEOUT_MS = 1_500;

const hostList = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? '')
      .split(/[\s,]+/)
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );

const schema = z.object({
  DOMAIN_VERIFICATION: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.enum(['dns-txt', 'off']).optional(),
  ),
  PUBLIC_HOSTNAMES: hostList,
  // `ip` or `ip:port`; unset: the system's resolvers.
  DNS_VERIFY_SERVER: z.string().trim().optional(),
});

/**
 * Custom-domain verification from `DOMAIN_VERIFICATION` (default `dns-txt` when distributed,
 * `off` embedded), `PUBLIC_HOSTNAMES` and `DNS_VERIFY_SERVER`.
 */
export function parseDomainVerification(
  env: Record<string, string | undefined>,
  mode: 'embedded' | 'distributed',
): DomainVerification {
  const c = parseEnv(schema, env);
  const resolver = new Resolver({ timeout: LOOKUP_TIMEOUT_MS / 2, tries: 2 });
  if (c.DNS_VERIFY_SERVER) {
    try {
      resolver.setServers([c.DNS_VERIFY_SERVER]);
    } catch {
      throw new StartupError(
        'Invalid environment: DNS_VERIFY_SERVER: must be an IP address, optionally with :port',
      );
    }
  }
  return {
    mode: c.DOMAIN_VERIFICATION ?? (mode === 'embedded' ? 'off' : 'dns-txt'),
    publicHostnames: c.PUBLIC_HOSTNAMES,
    resolveTxt: (name) => resolver.resolveTxt(name),
  };
}
