import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckProxy } from '@watchpost/core';
import { startSocksTestServer, type SocksTestServer } from '../testing/socks-test-server.js';
import { runHttpCheck } from './http-check.js';
import {
  closeServer,
  listenOnLoopback,
  makeHttpCheckSettings,
  localhostCertificate,
} from '../testing/check-fixtures.js';

// HTTP checks through a monitor's SOCKS proxy (docs/protocol/proxies.md), against a real local SOCKS4/5
// proxy that records what each CONNECT asked for. A name only the proxy can resolve proves
// who resolved it.

const PROXY_USER = 'socksuser';
const PROXY_PASS = 'socks pass';
const PROXY_ONLY_NAME = 'target.socks.test';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await closeServer(server);
  return port;
}

const pems = localhostCertificate();

let target: Server;
let secureTarget: Server;
let openProxy: SocksTestServer;
let authProxy: SocksTestServer;
let targetPort: number;
let securePort: number;
let servernames: (string | false | null)[];

const viaSocks = (
  proxy: SocksTestServer,
  protocol: string,
  overrides: Partial<CheckProxy> = {},
): CheckProxy => ({
  protocol,
  host: '127.0.0.1',
  port: proxy.port,
  auth: false,
  username: null,
  password: null,
  ...overrides,
});

const withCredentials = (password = PROXY_PASS): Partial<CheckProxy> => ({
  auth: true,
  username: PROXY_USER,
  password,
});

beforeAll(async () => {
  target = createServer((req, res) => res.end(`plain hello ${req.url ?? ''}`));
  secureTarget = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    servernames.push((req.socket as TLSSocket).servername);
    res.end('secure hello');
  });
  targetPort = await listenOnLoopback(target);
  securePort = await listenOnLoopback(secureTarget as unknown as Server);
  const hosts = { [PROXY_ONLY_NAME]: '127.0.0.1' };
  openProxy = await startSocksTestServer({ hosts });
  authProxy = await startSocksTestServer({
    hosts,
    credentials: { username: PROXY_USER, password: PROXY_PASS },
  });
});

beforeEach(() => {
  openProxy.requests.length = 0;
  authProxy.requests.length = 0;
  servernames = [];
});

afterAll(async () => {
  await Promise.all([closeServer(target), closeServer(secureTarget as unknown as Server)]);
  await Promise.all([openProxy.close(), authProxy.close()]);
});

describe('HTTP checks through a SOCKS proxy', () => {
  it('resolves the target name locally for socks5 and sends the proxy an address', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `http://localhost:${targetPort}/a` }),
      {
        proxy: viaSocks(openProxy, 'socks5'),
      },
    );
    expect(result).toMatchObject({ status: 'up', msg: '200 - OK' });
    expect(openProxy.requests).toEqual([
      { version: 5, host: '127.0.0.1', port: targetPort, user: null },
    ]);
  });

  it('lets the proxy resolve the name for socks5h and a bare socks', async () => {
    const url = `http://${PROXY_ONLY_NAME}:${targetPort}/`;
    for (const protocol of ['socks5h', 'socks']) {
      const result = await runHttpCheck(makeHttpCheckSettings({ url }), {
        proxy: viaSocks(openProxy, protocol),
      });
      expect(result).toMatchObject({ status: 'up' });
    }
    const asked = { version: 5, host: PROXY_ONLY_NAME, port: targetPort, user: null };
    expect(openProxy.requests).toEqual([asked, asked]);
  });

  it('is DOWN for socks5 when only the proxy could resolve the name', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `http://${PROXY_ONLY_NAME}:${targetPort}/` }),
      { proxy: viaSocks(openProxy, 'socks5') },
    );
    expect(result.status).toBe('down');
    expect(openProxy.requests).toEqual([]);
  });

  it('speaks SOCKS4 with a locally resolved IPv4 address and the username as user id', async () => {
    const url = `http://localhost:${targetPort}/`;
    const open = await runHttpCheck(makeHttpCheckSettings({ url }), {
      proxy: viaSocks(openProxy, 'socks4'),
    });
    const authed = await runHttpCheck(makeHttpCheckSettings({ url }), {
      proxy: viaSocks(authProxy, 'socks4', withCredentials()),
    });
    expect(open).toMatchObject({ status: 'up' });
    expect(authed).toMatchObject({ status: 'up' });
    expect(openProxy.requests).toEqual([
      { version: 4, host: '127.0.0.1', port: targetPort, user: null },
    ]);
    expect(authProxy.requests).toEqual([
      { version: 4, host: '127.0.0.1', port: targetPort, user: PROXY_USER },
    ]);
  });

  it('finds the keyword in a body fetched through the proxy', async () => {
    const settings = makeHttpCheckSettings({
      type: 'keyword',
      url: `http://127.0.0.1:${targetPort}/through`,
      keyword: 'hello /through',
    });
    const found = await runHttpCheck(settings, { proxy: viaSocks(openProxy, 'socks5') });
    expect(found).toMatchObject({ status: 'up', msg: '200 - OK, keyword is found' });
    const missing = await runHttpCheck(
      { ...settings, keyword: 'absent' },
      { proxy: viaSocks(openProxy, 'socks5') },
    );
    expect(missing.status).toBe('down');
    expect(missing.msg).toContain('plain hello /through');
  });

  it('logs in with the stored username and password', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `http://127.0.0.1:${targetPort}/` }),
      {
        proxy: viaSocks(authProxy, 'socks5', withCredentials()),
      },
    );
    expect(result).toMatchObject({ status: 'up' });
    expect(authProxy.requests.map((request) => request.user)).toEqual([PROXY_USER]);
  });

  it('is DOWN naming the failed login when the proxy refuses the credentials', async () => {
    const url = `http://127.0.0.1:${targetPort}/`;
    const wrong = await runHttpCheck(makeHttpCheckSettings({ url }), {
      proxy: viaSocks(authProxy, 'socks5', withCredentials('nope')),
    });
    expect(wrong).toEqual({ status: 'down', msg: 'Socks5 Authentication failed', pingMs: null });
    const none = await runHttpCheck(makeHttpCheckSettings({ url }), {
      proxy: viaSocks(authProxy, 'socks5'),
    });
    expect(none).toMatchObject({
      status: 'down',
      msg: 'Received invalid Socks5 initial handshake (no accepted authentication type)',
    });
    const ident = await runHttpCheck(makeHttpCheckSettings({ url }), {
      proxy: viaSocks(authProxy, 'socks4'),
    });
    expect(ident).toMatchObject({
      status: 'down',
      msg: 'Socks4 Proxy rejected connection - (RejectedIdent)',
    });
    expect(authProxy.requests.map((request) => request.version)).toEqual([4]);
  });

  it('is DOWN when the proxy cannot be reached, without trying the target directly', async () => {
    const port = await closedPort();
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `http://127.0.0.1:${targetPort}/` }),
      {
        proxy: { ...viaSocks(openProxy, 'socks5'), port },
      },
    );
    expect(result).toEqual({
      status: 'down',
      msg: `connect ECONNREFUSED 127.0.0.1:${port}`,
      pingMs: null,
    });
  });

  it('is DOWN with the proxy’s answer when the target refuses the proxy', async () => {
    const port = await closedPort();
    const result = await runHttpCheck(makeHttpCheckSettings({ url: `http://127.0.0.1:${port}/` }), {
      proxy: viaSocks(openProxy, 'socks5'),
    });
    expect(result).toMatchObject({
      status: 'down',
      msg: 'Socks5 proxy rejected connection - ConnectionRefused',
    });
  });

  it('ends at the check’s timeout when the proxy never answers the handshake', async () => {
    const silent = createNetServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as AddressInfo).port;
    try {
      const result = await runHttpCheck(
        makeHttpCheckSettings({ url: `http://127.0.0.1:${targetPort}/`, timeout: 0.3 }),
        { proxy: { ...viaSocks(openProxy, 'socks5'), port } },
      );
      expect(result).toEqual({ status: 'down', msg: 'timeout of 300ms exceeded', pingMs: null });
    } finally {
      silent.close();
    }
  });

  it('refuses a username SOCKS5 cannot carry instead of sending it', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `http://127.0.0.1:${targetPort}/` }),
      {
        proxy: viaSocks(authProxy, 'socks5', { ...withCredentials(), username: 'u'.repeat(256) }),
      },
    );
    expect(result).toEqual({
      status: 'down',
      msg: 'SOCKS5 proxy username and password must each be at most 255 bytes',
      pingMs: null,
    });
    expect(authProxy.requests).toEqual([]);
  });
});

describe('HTTPS checks through a SOCKS proxy', () => {
  const secureUrl = () => `https://localhost:${securePort}/`;

  it('reports the same certificate as a direct check', async () => {
    const now = new Date();
    const settings = makeHttpCheckSettings({ url: secureUrl(), ignoreTls: true });
    const direct = await runHttpCheck(settings, { now: () => now });
    const proxied = await runHttpCheck(settings, {
      now: () => now,
      proxy: viaSocks(openProxy, 'socks5h'),
    });
    expect(proxied).toMatchObject({ status: 'up', msg: '200 - OK' });
    expect(proxied.tls).toBeDefined();
    expect(proxied.tls).toEqual(direct.tls);
    expect(proxied.tls?.certInfo.subject).toEqual({ CN: 'localhost' });
    expect(proxied.tls?.certInfo.daysRemaining).toBeGreaterThanOrEqual(29);
    expect(openProxy.requests).toEqual([
      { version: 5, host: 'localhost', port: securePort, user: null },
    ]);
    // TLS inside the tunnel names the target, not the proxy.
    expect(servernames).toEqual(['localhost', 'localhost']);
  });

  it('is DOWN for a self-signed certificate unless ignoreTls, and records it either way', async () => {
    const proxy = viaSocks(openProxy, 'socks5');
    const refused = await runHttpCheck(makeHttpCheckSettings({ url: secureUrl() }), { proxy });
    expect(refused).toMatchObject({ status: 'down', msg: 'self-signed certificate' });
    expect(refused.tls?.valid).toBe(false);
    expect(refused.tls?.certInfo.certType).toBe('self-signed');

    const accepted = await runHttpCheck(
      makeHttpCheckSettings({ url: secureUrl(), ignoreTls: true }),
      {
        proxy,
      },
    );
    expect(accepted).toMatchObject({ status: 'up' });
    expect(accepted.tls?.valid).toBe(false);
  });

  it('checks a keyword in an https body through SOCKS4', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({
        type: 'keyword',
        url: secureUrl(),
        ignoreTls: true,
        keyword: 'secure',
      }),
      { proxy: viaSocks(openProxy, 'socks4') },
    );
    expect(result).toMatchObject({ status: 'up', msg: '200 - OK, keyword is found' });
    expect(result.tls?.certInfo.subject).toEqual({ CN: 'localhost' });
  });
});
