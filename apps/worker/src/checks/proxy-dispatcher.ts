import { ProxyAgent, type Dispatcher } from 'undici';
import type { CheckProxy } from '@watchpost/core';

type ProxyDispatcher = { ok: true; dispatcher: Dispatcher } | { ok: false; msg: string };

/**
 * The undici dispatcher that sends a check's requests through its monitor's proxy (spec
 * §3.4). Like Kuma's axios agents, a plain-http target goes to an http proxy as an
 * absolute-URI request and an https target through a CONNECT tunnel. SOCKS would need a
 * dependency Watchpost does not carry yet, so those monitors are stored but answer DOWN.
 */
export function createProxyDispatcher(
  proxy: CheckProxy,
  options: { ignoreTls: boolean; timeoutMs: number },
): ProxyDispatcher {
  if (proxy.protocol !== 'http' && proxy.protocol !== 'https') {
    return { ok: false, msg: `Proxy protocol ${proxy.protocol} is not supported by Watchpost yet` };
  }
  // An IPv6 literal needs brackets inside a URL.
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  let uri: string;
  try {
    uri = new URL(`${proxy.protocol}://${host}:${proxy.port}`).href;
  } catch {
    return { ok: false, msg: `Invalid proxy address ${proxy.host}:${proxy.port}` };
  }
  const token = proxy.auth
    ? `Basic ${Buffer.from(`${proxy.username ?? ''}:${proxy.password ?? ''}`, 'utf8').toString('base64')}`
    : undefined;
  const dispatcher = new ProxyAgent({
    uri,
    ...(token === undefined ? {} : { token }),
    proxyTunnel: false,
    // The monitor's ignoreTls is about its target; the proxy's own certificate is checked.
    requestTls: { rejectUnauthorized: !options.ignoreTls, timeout: options.timeoutMs },
    proxyTls: { timeout: options.timeoutMs },
    // The check's deadline owns every timeout so that each one reads like Kuma's.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return { ok: true, dispatcher };
}
