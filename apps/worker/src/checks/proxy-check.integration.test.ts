import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckProxy } from '@watchpost/core';
import { runHttpCheck } from './http-check.js';
import {
  listenOnLoopback,
  makeHttpCheckSettings,
  localhostCertificate,
} from '../testing/check-fixtures.js';

// HTTP checks through a monitor's proxy (docs/protocol/proxies.md), against a real local proxy that speaks
// both ways Kuma's clients use one: absolute-URI forwarding for http targets and CONNECT
// tunnels for https targets. The target only answers what the proxy forwards, so an UP
// result through it proves the request went through it.

interface ProxyLog {
  forwarded: string[];
  tunnels: string[];
  authorizations: (string | undefined)[];
}

const PROXY_USER = 'proxyuser';
const PROXY_PASS = 'proxy pass';
const EXPECTED_AUTH = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASS}`).toString('base64')}`;

/** A forward proxy; with `requireAuth` it answers 407 to requests without the credentials. */
function createTestProxy(log: ProxyLog, requireAuth: boolean): Server {
  const allowed = (auth: string | undefined) => !requireAuth || auth === EXPECTED_AUTH;
  const server = createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    log.authorizations.push(auth);
    if (!allowed(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    log.forwarded.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    log.authorizations.push(auth);
    if (!allowed(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    log.tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return server;
}

const pems = localhostCertificate();

let log: ProxyLog;
let target: Server;
let secureTarget: Server;
let openProxy: Server;
let authProxy: Server;
let targetUrl: string;
let secureUrl: string;
let openProxyPort: number;
let authProxyPort: number;

const viaProxy = (port: number, overrides: Partial<CheckProxy> = {}): CheckProxy => ({
  protocol: 'http',
  host: '127.0.0.1',
  port,
  auth: false,
  username: null,
  password: null,
  ...overrides,
});

beforeAll(async () => {
  target = createServer((req, res) => res.end(`plain hello ${req.url ?? ''}`));
  secureTarget = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) =>
    res.end('secure hello'),
  );
  targetUrl = `http://127.0.0.1:${await listenOnLoopback(target)}/path`;
  secureUrl = `https://127.0.0.1:${await listenOnLoopback(secureTarget as unknown as Server)}/`;
  openProxy = createTestProxy({ forwarded: [], tunnels: [], authorizations: [] }, false);
  authProxy = createTestProxy({ forwarded: [], tunnels: [], authorizations: [] }, true);
  openProxyPort = await listenOnLoopback(openProxy);
  authProxyPort = await listenOnLoopback(authProxy);
});

beforeEach(() => {
  log = { forwarded: [], tunnels: [], authorizations: [] };
  for (const proxy of [openProxy, authProxy]) {
    proxy.removeAllListeners('request');
    proxy.removeAllListeners('connect');
  }
  rebind(openProxy, false);
  rebind(authProxy, true);
});

/** Points a proxy's handlers at the current test's log. */
function rebind(proxy: Server, requireAuth: boolean): void {
  const fresh = createTestProxy(log, requireAuth);
  for (const event of ['request', 'connect'] as const) {
    for (const listener of fresh.listeners(event)) {
      proxy.on(event, listener as (...args: unknown[]) => void);
    }
  }
}

afterAll(async () => {
  for (const server of [target, secureTarget, openProxy, authProxy]) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('HTTP checks through a proxy', () => {
  it('sends a plain-http request to the proxy as an absolute URI', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: targetUrl, keyword: 'hello', type: 'keyword' }),
      {
        proxy: viaProxy(openProxyPort),
      },
    );
    expect(result).toMatchObject({ status: 'up' });
    expect(log.forwarded).toEqual([targetUrl]);
    expect(log.tunnels).toEqual([]);
  });

  it('tunnels an https request through CONNECT and still checks the target’s certificate', async () => {
    const host = new URL(secureUrl).host;
    const refused = await runHttpCheck(makeHttpCheckSettings({ url: secureUrl }), {
      proxy: viaProxy(openProxyPort),
    });
    expect(refused).toMatchObject({ status: 'down', msg: 'self-signed certificate' });
    const result = await runHttpCheck(makeHttpCheckSettings({ url: secureUrl, ignoreTls: true }), {
      proxy: viaProxy(openProxyPort),
    });
    expect(result).toMatchObject({ status: 'up' });
    expect(log.tunnels).toEqual([host, host]);
    expect(log.forwarded).toEqual([]);
  });

  it('authenticates to the proxy with the stored username and password', async () => {
    const withAuth = viaProxy(authProxyPort, {
      auth: true,
      username: PROXY_USER,
      password: PROXY_PASS,
    });
    expect(
      await runHttpCheck(makeHttpCheckSettings({ url: targetUrl }), { proxy: withAuth }),
    ).toMatchObject({
      status: 'up',
    });
    const tunneled = await runHttpCheck(
      makeHttpCheckSettings({ url: secureUrl, ignoreTls: true }),
      {
        proxy: withAuth,
      },
    );
    expect(tunneled).toMatchObject({ status: 'up' });
    expect(log.authorizations).toEqual([EXPECTED_AUTH, EXPECTED_AUTH]);
  });

  it('is DOWN when the proxy refuses the credentials', async () => {
    const wrong = viaProxy(authProxyPort, { auth: true, username: PROXY_USER, password: 'nope' });
    const plain = await runHttpCheck(makeHttpCheckSettings({ url: targetUrl }), { proxy: wrong });
    // Judged like any other status code the monitor does not accept.
    expect(plain).toMatchObject({ status: 'down', msg: 'Proxy Authentication Required (407)' });
    const tunneled = await runHttpCheck(makeHttpCheckSettings({ url: secureUrl }), {
      proxy: wrong,
    });
    expect(tunneled.status).toBe('down');
    expect(tunneled.msg).toContain('407');
    expect(log.forwarded).toEqual([]);
  });

  it('is DOWN when the proxy cannot be reached, without trying the target directly', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed);
    await new Promise((resolve) => closed.close(resolve));
    const result = await runHttpCheck(makeHttpCheckSettings({ url: targetUrl }), {
      proxy: viaProxy(port),
    });
    expect(result).toMatchObject({ status: 'down', msg: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('answers DOWN for a protocol Kuma does not know instead of going direct', async () => {
    const result = await runHttpCheck(makeHttpCheckSettings({ url: targetUrl }), {
      proxy: viaProxy(openProxyPort, { protocol: 'ftp' }),
    });
    expect(result).toEqual({
      status: 'down',
      msg: 'Unsupported proxy protocol provided. ftp',
      pingMs: null,
    });
    expect(log.forwarded).toEqual([]);
  });
});
