import { ProxyAgent, type buildConnector, type Dispatcher } from 'undici';
import type { CheckProxy } from '@watchpost/core';
import { egressSocketOptions, refuseLiteral, type EgressPolicy } from '@watchpost/core/egress';
import { createSocksDispatcher, isSocksProtocol } from './socks-dispatcher.js';

type ProxyDispatcher = { ok: true; dispatcher: Dispatcher } | { ok: false; msg: string };

/**
 * The undici dispatcher that sends a check's requests through its monitor's proxy (spec
 * docs/protocol/proxies.md). Like Kuma's axios agents, a plain-http target goes to an http proxy as an
 * absolute-URI request and an https target through a CONNECT tunnel; SOCKS proxies tunnel
 * both. `connectTls` makes the TLS handshake with the target inside a SOCKS tunnel, so that a
 * check through one records the target's certificate like a direct check does.
 */
export function createProxyDispatcher(
  proxy: CheckProxy,
  options: {
    ignoreTls: boolean;
    timeoutMs: number;
    connectTls: buildConnector.connector;
    /** Applies to the proxy's own address, the one this process dials (architecture rule 10). */
    egress: EgressPolicy;
  },
): ProxyDispatcher {
  const protocol = proxy.protocol;
  const known = isSocksProtocol(protocol) || protocol === 'http' || protocol === 'https';
  if (!known) return { ok: false, msg: `Unsupported proxy protocol provided. ${protocol}` };
  // An IPv6 literal needs brackets inside a URL. SOCKS addresses are checked as http ones:
  // the same host and port rules apply, and the URL parser is stricter for special schemes.
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  let uri: string;
  try {
    uri = new URL(`${isSocksProtocol(protocol) ? 'http' : protocol}://${host}:${proxy.port}`).href;
  } catch {
    return { ok: false, msg: `Invalid proxy address ${proxy.host}:${proxy.port}` };
  }
  if (isSocksProtocol(protocol)) return createSocksDispatcher({ ...proxy, protocol }, options);
  const refused = refuseLiteral(options.egress, proxy.host);
  if (refused) return { ok: false, msg: refused.message };
  const token = proxy.auth
    ? `Basic ${Buffer.from(`${proxy.username ?? ''}:${proxy.password ?? ''}`, 'utf8').toString('base64')}`
    : undefined;
  const dispatcher = new ProxyAgent({
    uri,
    ...(token === undefined ? {} : { token }),
    proxyTunnel: false,
    // The monitor's ignoreTls is about its target; the proxy's own certificate is checked.
    requestTls: { rejectUnauthorized: !options.ignoreTls, timeout: options.timeoutMs },
    proxyTls: { timeout: options.timeoutMs, ...egressSocketOptions(options.egress) },
    // The check's deadline owns every timeout so that each one reads like Kuma's.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return { ok: true, dispatcher };
}
