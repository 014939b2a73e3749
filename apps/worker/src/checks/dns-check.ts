import { Resolver } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';
import type { CheckResult, Monitor } from '@watchpost/core';
import { ALLOW_PRIVATE, refuseLiteral } from '@watchpost/core/egress';
import { resolveTimeoutMs, startDeadline } from './check-deadline.js';
import { describeError, down } from './check-error.js';
import type { CheckOptions } from './check-options.js';

export type DnsCheckSettings = Pick<
  Monitor,
  'hostname' | 'port' | 'dnsResolveServer' | 'dnsResolveType' | 'interval' | 'timeout'
>;

/** The record types Kuma 1.23 offers (docs/protocol/monitors.md#monitor-object `dns_resolve_type`). */
export const DNS_RESOLVE_TYPES = [
  'A',
  'AAAA',
  'CAA',
  'CNAME',
  'MX',
  'NS',
  'PTR',
  'SOA',
  'SRV',
  'TXT',
] as const;
type DnsResolveType = (typeof DNS_RESOLVE_TYPES)[number];

const DEFAULT_DNS_PORT = 53;

/**
 * A `dns` check (docs/protocol/monitoring.md#monitor-types): asks `dns_resolve_server` for the `hostname`'s records of
 * `dns_resolve_type`. Any answer is UP, with the records as Kuma formats them in `msg` (the
 * caller also stores that msg as `dns_last_result`); no answer or an error is DOWN.
 */
export async function runDnsCheck(
  settings: DnsCheckSettings,
  options: Pick<CheckOptions, 'signal' | 'egress'> = {},
): Promise<CheckResult> {
  const hostname = settings.hostname?.trim() ?? '';
  if (hostname === '') return down('Hostname is not set');
  const server = settings.dnsResolveServer?.trim() ?? '';
  if (server === '') return down('Resolver server is not set');
  // Kuma's UI and Python client default to A; a null type must not fail a monitor.
  const type = settings.dnsResolveType ?? 'A';
  if (!isDnsResolveType(type)) return down(`Unsupported DNS record type "${type}"`);

  // setServers takes IP addresses only, so the server named is the address queried.
  const refused = refuseLiteral(options.egress ?? ALLOW_PRIVATE, serverHost(server));
  if (refused) return down(refused.message);

  const timeoutMs = resolveTimeoutMs(settings);
  // c-ares doubles the wait on each retry, so two tries of a third each fit the timeout
  // while one lost UDP packet still does not fail the check.
  const resolver = new Resolver({ timeout: Math.max(1, Math.floor(timeoutMs / 3)), tries: 2 });
  try {
    resolver.setServers([resolverAddress(server, settings.port)]);
  } catch (error) {
    return down(describeError(error));
  }
  const deadline = startDeadline(timeoutMs, options.signal);
  const cancel = (): void => resolver.cancel();
  if (deadline.signal.aborted) cancel();
  else deadline.signal.addEventListener('abort', cancel, { once: true });
  const startedAt = performance.now();
  try {
    const msg = await lookUp(resolver, type, hostname);
    return { status: 'up', msg, pingMs: Math.round(performance.now() - startedAt) };
  } catch (error) {
    // A cancelled query only says ECANCELLED; the deadline's reason says why.
    return down(describeError(deadline.signal.aborted ? deadline.signal.reason : error));
  } finally {
    deadline.signal.removeEventListener('abort', cancel);
    deadline.clear();
  }
}

/**
 * `host:port` for `setServers`. Kuma takes the port from the monitor's `port` field; a
 * server written with its own port (`127.0.0.1:5353`, `[::1]:5353`) keeps that one.
 */
export function resolverAddress(server: string, port: number | null): string {
  const fallback = port !== null && port > 0 ? port : DEFAULT_DNS_PORT;
  if (isIPv4(server)) return `${server}:${fallback}`;
  if (isIPv6(server)) return `[${server}]:${fallback}`;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed) return `[${bracketed[1]}]:${bracketed[2] ?? fallback}`;
  // Anything else (a hostname) is left for setServers to reject with its own message.
  return server;
}

/** The address part of a resolver server written as `addr`, `addr:port` or `[addr]:port`. */
function serverHost(server: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(server);
  if (bracketed) return bracketed[1] ?? server;
  return isIPv6(server) ? server : (server.split(':')[0] ?? server);
}

function isDnsResolveType(value: string): value is DnsResolveType {
  return (DNS_RESOLVE_TYPES as readonly string[]).includes(value);
}

/** Resolves and formats exactly as Kuma 1.23's dns monitor does, quirks included. */
async function lookUp(resolver: Resolver, type: DnsResolveType, hostname: string) {
  switch (type) {
    case 'A':
      return `Records: ${(await resolver.resolve4(hostname)).join(' | ')}`;
    case 'AAAA':
      return `Records: ${(await resolver.resolve6(hostname)).join(' | ')}`;
    case 'TXT':
      // Kuma joins the chunk arrays with " | ", which stringifies each as "chunk1,chunk2".
      return `Records: ${(await resolver.resolveTxt(hostname)).map(String).join(' | ')}`;
    case 'CNAME':
      return (await resolver.resolveCname(hostname))[0] ?? '';
    case 'PTR':
      // Kuma resolves PTR with reverse(), so `hostname` is the IP address to look up.
      return (await resolver.reverse(hostname))[0] ?? '';
    case 'CAA':
      return (await resolver.resolveCaa(hostname))[0]?.issue ?? '';
    case 'NS':
      return `Servers: ${(await resolver.resolveNs(hostname)).join(' | ')}`;
    case 'MX':
      // Kuma builds "… | " per record and cuts two characters, leaving a trailing space.
      return (await resolver.resolveMx(hostname))
        .map((r) => `Hostname: ${r.exchange} - Priority: ${r.priority} | `)
        .join('')
        .slice(0, -2);
    case 'SRV':
      return (await resolver.resolveSrv(hostname))
        .map(
          (r) =>
            `Name: ${r.name} | Port: ${r.port} | Priority: ${r.priority} | Weight: ${r.weight} | `,
        )
        .join('')
        .slice(0, -2);
    case 'SOA': {
      const soa = await resolver.resolveSoa(hostname);
      return (
        `NS-Name: ${soa.nsname} | Hostmaster: ${soa.hostmaster} | Serial: ${soa.serial} | ` +
        `Refresh: ${soa.refresh} | Retry: ${soa.retry} | Expire: ${soa.expire} | ` +
        `MinTTL: ${soa.minttl}`
      );
    }
    default: {
      const unreachable: never = type;
      throw new Error(`unknown DNS record type ${String(unreachable)}`);
    }
  }
}
