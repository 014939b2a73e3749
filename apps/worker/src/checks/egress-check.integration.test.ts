import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckProxy } from '@watchpost/core';
import { parseEgressPolicy } from '@watchpost/core/egress';
import { runDnsCheck } from './dns-check.js';
import { runHttpCheck } from './http-check.js';
import { runPortCheck } from './port-check.js';
import { closeServer, listenOnLoopback, makeHttpCheckSettings } from '../testing/check-fixtures.js';
import { startDnsTestServer, type DnsTestServer } from '@watchpost/core/testing';
import { startSocksTestServer, type SocksTestServer } from '../testing/socks-test-server.js';

// Checks under the egress policy (architecture rule 10), against real servers on loopback:
// under `public-only` loopback is refused before any byte is sent, and the target's log
// proves nothing arrived; the operator's EGRESS_ALLOW opens it again.

const PUBLIC_ONLY = parseEgressPolicy({}, 'distributed');
const LOOPBACK_ALLOWED = parseEgressPolicy({ EGRESS_ALLOW: '127.0.0.1/32' }, 'distributed');
const ALLOW_PRIVATE = parseEgressPolicy({}, 'embedded');

const SECRET = '{"Code":"Success","SecretAccessKey":"do-not-leak"}';
const LOOPBACK_REFUSED = /^Blocked by egress policy: (127\.0\.0\.1|::1) is loopback$/;

let target: Server;
let targetPort: number;
let hits: string[];

beforeAll(async () => {
  target = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url?.startsWith('/to/')) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) }).end();
      return;
    }
    res.setHeader('content-type', 'application/json').end(SECRET);
  });
  targetPort = await listenOnLoopback(target);
});
afterAll(async () => closeServer(target));
beforeEach(() => {
  hits = [];
});

const httpCheck = (url: string, overrides = {}) =>
  makeHttpCheckSettings({ url, timeout: 5, ...overrides });

describe('HTTP checks under the egress policy', () => {
  it('refuses a loopback address under public-only without sending anything', async () => {
    const result = await runHttpCheck(httpCheck(`http://127.0.0.1:${targetPort}/`), {
      egress: PUBLIC_ONLY,
    });

    expect(result).toMatchObject({
      status: 'down',
      msg: 'Blocked by egress policy: 127.0.0.1 is loopback',
    });
    expect(hits).toEqual([]);
  });

  it('refuses a name that resolves to loopback, judged on the address dialled', async () => {
    const result = await runHttpCheck(httpCheck(`http://localhost:${targetPort}/`), {
      egress: PUBLIC_ONLY,
    });

    expect(result.status).toBe('down');
    expect(result.msg).toMatch(LOOPBACK_REFUSED);
    expect(hits).toEqual([]);
  });

  it('refuses the metadata address and IPv4-mapped loopback', async () => {
    const metadata = await runHttpCheck(httpCheck('http://169.254.169.254/latest/meta-data/'), {
      egress: PUBLIC_ONLY,
    });
    const mapped = await runHttpCheck(httpCheck(`http://[::ffff:127.0.0.1]:${targetPort}/`), {
      egress: PUBLIC_ONLY,
    });

    expect(metadata.msg).toBe('Blocked by egress policy: 169.254.169.254 is link-local');
    expect(mapped.msg).toBe('Blocked by egress policy: ::ffff:7f00:1 is loopback');
    expect(hits).toEqual([]);
  });

  it('never copies a byte of a refused json-query target into the beat', async () => {
    const result = await runHttpCheck(
      httpCheck(`http://localhost:${targetPort}/`, {
        type: 'json-query',
        jsonPath: '$string($)',
        expectedValue: 'x',
      }),
      { egress: PUBLIC_ONLY },
    );

    expect(result.msg).toMatch(LOOPBACK_REFUSED);
    expect(result.msg).not.toContain('do-not-leak');
  });

  it('reaches an address the operator allows, and any address under allow-private', async () => {
    const url = `http://127.0.0.1:${targetPort}/`;

    expect(await runHttpCheck(httpCheck(url), { egress: LOOPBACK_ALLOWED })).toMatchObject({
      status: 'up',
    });
    expect(await runHttpCheck(httpCheck(url), { egress: ALLOW_PRIVATE })).toMatchObject({
      status: 'up',
    });
    expect(hits).toEqual(['/', '/']);
  });

  it('checks every redirect hop: an allowed address cannot redirect to a refused one', async () => {
    const refused = `http://127.0.0.2:${targetPort}/`;
    const result = await runHttpCheck(
      httpCheck(`http://127.0.0.1:${targetPort}/to/${encodeURIComponent(refused)}`),
      { egress: LOOPBACK_ALLOWED },
    );

    expect(result).toMatchObject({
      status: 'down',
      msg: 'Blocked by egress policy: 127.0.0.2 is loopback',
    });
    expect(hits).toEqual([`/to/${encodeURIComponent(refused)}`]);
  });

  it('caps the value a json-query copies into the beat', async () => {
    const result = await runHttpCheck(
      httpCheck(`http://127.0.0.1:${targetPort}/`, {
        type: 'json-query',
        jsonPath: '$pad($string($), 500, "#")',
        expectedValue: 'x',
      }),
      { egress: ALLOW_PRIVATE },
    );

    const value = /value was: \[(.*)\]$/.exec(result.msg)?.[1] ?? '';
    expect(value).toHaveLength(100);
    expect(value.endsWith('...')).toBe(true);
  });
});

describe('proxies under the egress policy', () => {
  let socks: SocksTestServer;
  beforeAll(async () => {
    socks = await startSocksTestServer();
  });
  afterAll(async () => socks.close());

  const proxy = (protocol: string, port: number, host = '127.0.0.1'): CheckProxy => ({
    protocol,
    host,
    port,
    auth: false,
    username: null,
    password: null,
  });

  it('refuses an http proxy on loopback, by address and by name', async () => {
    const settings = httpCheck('http://example.com/');
    const byAddress = await runHttpCheck(settings, {
      egress: PUBLIC_ONLY,
      proxy: proxy('http', targetPort),
    });
    const byName = await runHttpCheck(settings, {
      egress: PUBLIC_ONLY,
      proxy: proxy('http', targetPort, 'localhost'),
    });

    expect(byAddress.msg).toBe('Blocked by egress policy: 127.0.0.1 is loopback');
    expect(byName.msg).toMatch(LOOPBACK_REFUSED);
    expect(hits).toEqual([]);
  });

  it('refuses a SOCKS proxy on loopback before the handshake', async () => {
    const result = await runHttpCheck(httpCheck('http://example.com/'), {
      egress: PUBLIC_ONLY,
      proxy: proxy('socks5', socks.port, 'localhost'),
    });

    expect(result.msg).toMatch(LOOPBACK_REFUSED);
    expect(socks.requests).toEqual([]);
  });
});

describe('port and DNS checks under the egress policy', () => {
  let dns: DnsTestServer;
  beforeAll(async () => {
    dns = await startDnsTestServer({ 'example.test': [{ type: 'A', address: '192.0.2.1' }] });
  });
  afterAll(async () => dns.close());

  const portCheck = (hostname: string) => ({
    hostname,
    port: targetPort,
    interval: 60,
    timeout: 5,
  });
  const dnsCheck = (server: string) => ({
    hostname: 'example.test',
    port: dns.port,
    dnsResolveServer: server,
    dnsResolveType: 'A',
    interval: 60,
    timeout: 5,
  });

  it('refuses a TCP connect to loopback, by address and by name', async () => {
    expect(await runPortCheck(portCheck('127.0.0.1'), { egress: PUBLIC_ONLY })).toMatchObject({
      status: 'down',
      msg: 'Blocked by egress policy: 127.0.0.1 is loopback',
    });
    const byName = await runPortCheck(portCheck('localhost'), { egress: PUBLIC_ONLY });
    expect(byName.msg).toMatch(LOOPBACK_REFUSED);
    expect(await runPortCheck(portCheck('127.0.0.1'), { egress: LOOPBACK_ALLOWED })).toMatchObject({
      status: 'up',
    });
  });

  it('refuses a resolver on loopback, in every way of writing it', async () => {
    for (const server of ['127.0.0.1', `127.0.0.1:${dns.port}`, '[::1]:53', '::1']) {
      const result = await runDnsCheck(dnsCheck(server), { egress: PUBLIC_ONLY });
      expect(result.msg).toMatch(LOOPBACK_REFUSED);
    }
    expect(dns.questions).toEqual([]);
    expect(await runDnsCheck(dnsCheck('127.0.0.1'), { egress: LOOPBACK_ALLOWED })).toMatchObject({
      status: 'up',
      msg: 'Records: 192.0.2.1',
    });
  });
});
