import { lookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import { SocksClient, type SocksProxy } from 'socks';
import { Agent, type buildConnector, type Dispatcher } from 'undici';
import type { CheckProxy } from '@watchpost/core';
import { resolveEgressAddress, type EgressPolicy } from '@watchpost/core/egress';
import { unbracket } from './tls-capturing-connector.js';

export const SOCKS_PROTOCOLS = ['socks', 'socks5', 'socks5h', 'socks4'] as const;
export type SocksProtocol = (typeof SOCKS_PROTOCOLS)[number];

export function isSocksProtocol(protocol: string): protocol is SocksProtocol {
  return (SOCKS_PROTOCOLS as readonly string[]).includes(protocol);
}

// RFC 1928/1929 give a host name, a username and a password one length byte each. The socks
// package would throw on longer ones from inside its socket data handler, where no caller can
// catch it, so they are refused before a connection is made.
const MAX_SOCKS5_FIELD_BYTES = 255;

type SocksDispatcher = { ok: true; dispatcher: Dispatcher } | { ok: false; msg: string };

/**
 * An undici dispatcher whose connections to a check's target run through a SOCKS proxy
 * (docs/protocol/proxies.md). Kuma 1.23 uses socks-proxy-agent v7, and this follows its reading of the
 * protocol names: `socks4` is SOCKS4 and `socks5` SOCKS5, both resolving the target's name
 * here and sending the proxy an address; `socks5h` and a bare `socks` are SOCKS5 sending the
 * name for the proxy to resolve. Errors keep the socks package's texts, which are Kuma's.
 */
export function createSocksDispatcher(
  proxy: CheckProxy & { protocol: SocksProtocol },
  options: { timeoutMs: number; connectTls: buildConnector.connector; egress: EgressPolicy },
): SocksDispatcher {
  const socksProxy = toSocksProxy(proxy);
  if (
    socksProxy.type === 5 &&
    (Buffer.byteLength(socksProxy.userId ?? '') > MAX_SOCKS5_FIELD_BYTES ||
      Buffer.byteLength(socksProxy.password ?? '') > MAX_SOCKS5_FIELD_BYTES)
  ) {
    return {
      ok: false,
      msg: `SOCKS5 proxy username and password must each be at most ${MAX_SOCKS5_FIELD_BYTES} bytes`,
    };
  }
  const tunnel = {
    proxy: socksProxy,
    resolveLocally: resolvesLocally(proxy.protocol),
    egress: options.egress,
  };
  const dispatcher = new Agent({
    connect: (target, callback) => {
      const host = unbracket(target.hostname);
      const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
      openTunnel(tunnel, host, port, options.timeoutMs).then(
        (socket) => {
          if (target.protocol !== 'https:') {
            callback(null, socket);
            return;
          }
          // The target's TLS goes through the same connector as a direct check's, so it is
          // verified and its certificate recorded the same way; servername is the target's.
          options.connectTls({ ...target, httpSocket: socket }, (...args) => {
            if (args[0] !== null) socket.destroy();
            callback(...args);
          });
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)), null);
        },
      );
    },
    // The check's deadline owns every timeout so that each one reads like Kuma's.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return { ok: true, dispatcher };
}

function resolvesLocally(protocol: SocksProtocol): boolean {
  switch (protocol) {
    case 'socks4':
    case 'socks5':
      return true;
    case 'socks':
    case 'socks5h':
      return false;
    default: {
      const unknown: never = protocol;
      throw new Error(`Unhandled SOCKS protocol ${String(unknown)}`);
    }
  }
}

function toSocksProxy(proxy: CheckProxy & { protocol: SocksProtocol }): SocksProxy {
  const type = proxy.protocol === 'socks4' ? 4 : 5;
  // SOCKS4 has no password; like socks-proxy-agent, its user id is the username.
  const credentials = proxy.auth
    ? { userId: proxy.username ?? '', password: proxy.password ?? '' }
    : {};
  return { host: proxy.host, port: proxy.port, type, ...credentials };
}

async function openTunnel(
  tunnel: { proxy: SocksProxy; resolveLocally: boolean; egress: EgressPolicy },
  host: string,
  port: number,
  timeoutMs: number,
): Promise<Socket> {
  // The policy guards the one address this process dials, the proxy's; what the proxy reaches
  // from its own network is its owner's business. Dialling the checked address leaves no
  // window for the name to resolve elsewhere.
  const proxyAddress = await resolveEgressAddress(tunnel.egress, tunnel.proxy.host ?? '');
  const destination = tunnel.resolveLocally ? await resolveTarget(host, tunnel.proxy.type) : host;
  if (tunnel.proxy.type === 5 && Buffer.byteLength(destination) > MAX_SOCKS5_FIELD_BYTES) {
    throw new Error(`Host name is longer than SOCKS5 allows (${MAX_SOCKS5_FIELD_BYTES} bytes)`);
  }
  // The socks timeout bounds the proxy's connect and handshake; the check's deadline, started
  // earlier with the same length, normally fires first and words the result.
  const { socket } = await SocksClient.createConnection({
    proxy: { ...tunnel.proxy, host: proxyAddress },
    destination: { host: destination, port },
    command: 'connect',
    timeout: timeoutMs,
  });
  return socket;
}

async function resolveTarget(host: string, socksVersion: 4 | 5): Promise<string> {
  // SOCKS4 carries only an IPv4 address. socks-proxy-agent asks for any family and, handed an
  // IPv6 address, the socks package would send it as a SOCKS4a name no proxy can resolve.
  const { address } = await lookup(host, socksVersion === 4 ? { family: 4 } : {});
  return address;
}
