import { lookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { EgressRefusedError, egressVerdict, type EgressPolicy } from './egress-policy.js';

/**
 * A `lookup` for `net.connect`/`tls.connect` that hands the socket only addresses the policy
 * allows. The check runs on the very addresses the socket then dials, so a name cannot
 * resolve to a public address for a check and a private one for the connection (no
 * rebinding window). Node calls `lookup` only for names: IP literals go through
 * `refuseLiteral` instead.
 */
export function createEgressLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      // Only allowed addresses go on, so a name with both kinds is dialled at its public ones.
      const refusals = addresses.map((a) => refuseLiteral(policy, a.address));
      const allowed = addresses.filter((_, i) => refusals[i] === null);
      const first = allowed[0];
      if (first === undefined) {
        callback(refusals[0] ?? new Error(`getaddrinfo ENOTFOUND ${hostname}`), '', 0);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/** The refusal for dialling the IP literal `host`, or null for a name or an allowed address. */
export function refuseLiteral(policy: EgressPolicy, host: string): EgressRefusedError | null {
  const address = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(address) === 0) return null;
  const verdict = egressVerdict(policy, address);
  return verdict.allowed ? null : new EgressRefusedError(address, verdict.kind);
}

/** The socket options that make a `net`/`tls` connect obey the policy for names. */
export function egressSocketOptions(policy: EgressPolicy): { lookup?: LookupFunction } {
  return policy.mode === 'allow-private' ? {} : { lookup: createEgressLookup(policy) };
}

/**
 * Wraps an undici connector so that it refuses IP literals the policy does not allow. A
 * connect over a socket already open (TLS inside a proxy tunnel) dials nothing and passes.
 */
export function guardConnector(
  policy: EgressPolicy,
  connect: buildConnector.connector,
): buildConnector.connector {
  if (policy.mode === 'allow-private') return connect;
  return (target, callback) => {
    const refused = target.httpSocket ? null : refuseLiteral(policy, target.hostname);
    if (refused) callback(refused, null);
    else connect(target, callback);
  };
}

/** An undici connector (see buildConnector) that dials only what the policy allows. */
export function createEgressConnector(
  policy: EgressPolicy,
  options: buildConnector.BuildOptions = {},
): buildConnector.connector {
  return guardConnector(policy, buildConnector({ ...options, ...egressSocketOptions(policy) }));
}

/**
 * Resolves `host` to one address the policy allows, for clients that take an address rather
 * than a `lookup` (SOCKS, SMTP): they then dial exactly the address checked here.
 */
export async function resolveEgressAddress(policy: EgressPolicy, host: string): Promise<string> {
  const refused = refuseLiteral(policy, host);
  if (refused) throw refused;
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0 || policy.mode === 'allow-private') return host;
  const lookup = createEgressLookup(policy);
  return new Promise((resolve, reject) => {
    lookup(host, {}, (error, address) => {
      if (error) reject(error);
      else resolve(String(address));
    });
  });
}
