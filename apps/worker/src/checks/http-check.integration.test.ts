import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, get as httpsGet } from 'node:https';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpCheckSettings } from '@watchpost/core';
import { describeError } from './check-error.js';
import { runHttpCheck } from './http-check.js';
import {
  closeServer,
  listenOnLoopback,
  makeHttpCheckSettings,
  localhostCertificate,
} from '../testing/check-fixtures.js';

const PAGE =
  '<html><body><h1>Welcome</h1><p>Everything is running smoothly today, thanks for asking</p>' +
  '</body></html>';
const PAGE_SNIPPET = 'Welcome  Everything is running smoothly today, ...';

interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

async function listen(server: Server): Promise<string> {
  return `127.0.0.1:${await listenOnLoopback(server)}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function route(req: IncomingMessage, res: ServerResponse, received: ReceivedRequest[]): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const [, first, second] = path.split('/');
  switch (first) {
    case 'ok':
      res.end('hello');
      return;
    case 'status':
      res.statusCode = Number(second);
      res.end();
      return;
    case 'redirect': {
      const left = Number(second);
      if (left === 0) {
        res.end('arrived');
        return;
      }
      res.writeHead(302, { location: `/redirect/${left - 1}` }).end();
      return;
    }
    case 'see-other':
      res.writeHead(303, { location: '/echo' }).end();
      return;
    case 'slow':
      // Never answers: the check's own deadline has to end it.
      return;
    case 'page':
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
      return;
    case 'json':
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"status":"ok","count":3}}');
      return;
    case 'huge':
      res.setHeader('content-type', 'application/json');
      res.end(`"${'a'.repeat(2 * 1024 * 1024)}END"`);
      return;
    case 'echo':
      void readBody(req).then((body) => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.end('echoed');
      });
      return;
    default:
      res.statusCode = 404;
      res.end();
  }
}

describe('runHttpCheck against a local HTTP server', () => {
  let server: Server;
  let host: string;
  let received: ReceivedRequest[];
  let connections = 0;

  beforeAll(async () => {
    server = createServer((req, res) => route(req, res, received));
    server.on('connection', () => connections++);
    host = await listen(server);
  });

  beforeEach(() => {
    received = [];
  });

  afterAll(async () => {
    await closeServer(server);
  });

  const check = (path: string, overrides: Partial<HttpCheckSettings> = {}) =>
    runHttpCheck(makeHttpCheckSettings({ url: `http://${host}${path}`, ...overrides }));

  it('reports UP with "200 - OK" and a ping for a 200', async () => {
    const result = await check('/ok');

    expect(result).toMatchObject({ status: 'up', msg: '200 - OK' });
    expect(result.pingMs).toEqual(expect.any(Number));
    expect(result.tls).toBeUndefined();
  });

  it('reports DOWN with axios text for a 404', async () => {
    expect(await check('/status/404')).toMatchObject({
      status: 'down',
      msg: 'Request failed with status code 404',
    });
  });

  it('reports DOWN for a 500', async () => {
    expect(await check('/status/500')).toMatchObject({
      status: 'down',
      msg: 'Request failed with status code 500',
    });
  });

  it('accepts codes from the configured single codes and ranges', async () => {
    const accepted = ['200-299', '404', '500-503'];
    expect(await check('/status/404', { acceptedStatuscodes: accepted })).toMatchObject({
      status: 'up',
      msg: '404 - Not Found',
    });
    expect(await check('/status/503', { acceptedStatuscodes: accepted })).toMatchObject({
      status: 'up',
      msg: '503 - Service Unavailable',
    });
    expect(await check('/status/504', { acceptedStatuscodes: accepted })).toMatchObject({
      status: 'down',
      msg: 'Request failed with status code 504',
    });
  });

  it('follows redirects and judges the final response', async () => {
    expect(await check('/redirect/3')).toMatchObject({ status: 'up', msg: '200 - OK' });
  });

  it('reports DOWN once a chain passes maxredirects', async () => {
    expect(await check('/redirect/2', { maxredirects: 2 })).toMatchObject({
      status: 'up',
    });
    expect(await check('/redirect/3', { maxredirects: 2 })).toMatchObject({
      status: 'down',
      msg: 'Maximum number of redirects exceeded',
    });
  });

  it('judges the 3xx itself when maxredirects is 0', async () => {
    expect(await check('/redirect/1', { maxredirects: 0 })).toMatchObject({
      status: 'down',
      msg: 'Request failed with status code 302',
    });
    const accepted = ['300-399'];
    expect(
      await check('/redirect/1', { maxredirects: 0, acceptedStatuscodes: accepted }),
    ).toMatchObject({ status: 'up', msg: '302 - Found' });
  });

  it('turns a POST into a GET without body on 303 See Other', async () => {
    await check('/see-other', { method: 'POST', body: '{"a":1}', httpBodyEncoding: 'json' });

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'GET', url: '/echo', body: '' });
    expect(received[0]?.headers['content-type']).toBeUndefined();
  });

  it('reports a timeout with axios text when the server does not answer', async () => {
    expect(await check('/slow', { timeout: 0.3 })).toEqual({
      status: 'down',
      msg: 'timeout of 300ms exceeded',
      pingMs: null,
    });
  });

  it('opens a fresh connection for every check', async () => {
    const before = connections;
    await check('/ok');
    await check('/ok');
    expect(connections - before).toBe(2);
  });

  it('sends basic auth credentials', async () => {
    await check('/echo', { authMethod: 'basic', basicAuthUser: 'alice', basicAuthPass: 's3cret' });

    expect(received[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
    );
  });

  it('sends the configured method, headers and body as they are', async () => {
    const result = await check('/echo', {
      method: 'put',
      headers: '{"X-Custom":"yes","Content-Type":"text/plain","X-Number":7}',
      body: 'payload {not json}',
      httpBodyEncoding: 'json',
    });

    expect(result.status).toBe('up');
    expect(received[0]).toMatchObject({ method: 'PUT', body: 'payload {not json}' });
    expect(received[0]?.headers).toMatchObject({
      'x-custom': 'yes',
      'x-number': '7',
      'content-type': 'text/plain',
    });
  });

  it('labels a JSON body as application/json unless a content type is given', async () => {
    await check('/echo', { method: 'POST', body: '{"a":1}', httpBodyEncoding: 'json' });

    expect(received[0]).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(received[0]?.headers['content-type']).toBe('application/json');
  });

  it('reports DOWN without sending anything when headers are not JSON', async () => {
    const result = await check('/echo', { headers: '{"X-Custom": yes}' });

    expect(result.status).toBe('down');
    expect(result.msg).toMatch(/^Headers are not valid JSON: /);
    expect(received).toHaveLength(0);
  });

  it('reports DOWN when headers are JSON but not an object', async () => {
    expect(await check('/echo', { headers: '["a"]' })).toMatchObject({
      status: 'down',
      msg: 'Headers must be a JSON object',
    });
  });

  describe('keyword', () => {
    const keywordCheck = (keyword: string, invertKeyword: boolean) =>
      check('/page', { type: 'keyword', keyword, invertKeyword });

    it('is UP when the keyword is found', async () => {
      expect(await keywordCheck('smoothly', false)).toMatchObject({
        status: 'up',
        msg: '200 - OK, keyword is found',
      });
    });

    it('is DOWN with a snippet of the page when the keyword is missing', async () => {
      expect(await keywordCheck('maintenance', false)).toMatchObject({
        status: 'down',
        msg: `200 - OK, but keyword is not in [${PAGE_SNIPPET}]`,
      });
    });

    it('is DOWN when an inverted keyword is present', async () => {
      expect(await keywordCheck('Welcome', true)).toMatchObject({
        status: 'down',
        msg: `200 - OK, but keyword is present in [${PAGE_SNIPPET}]`,
      });
    });

    it('is UP when an inverted keyword is missing', async () => {
      expect(await keywordCheck('maintenance', true)).toMatchObject({
        status: 'up',
        msg: '200 - OK, keyword not found',
      });
    });

    it('searches JSON responses as their raw text', async () => {
      const result = await check('/json', { type: 'keyword', keyword: '"status":"ok"' });
      expect(result).toMatchObject({ status: 'up', msg: '200 - OK, keyword is found' });
    });

    it('quotes short bodies whole', async () => {
      expect(await check('/ok', { type: 'keyword', keyword: 'bye' })).toMatchObject({
        status: 'down',
        msg: '200 - OK, but keyword is not in [hello]',
      });
    });

    it('only searches the first MiB of the body', async () => {
      const result = await check('/huge', { type: 'keyword', keyword: 'END' });

      expect(result).toMatchObject({
        status: 'down',
        msg: `200 - OK, but keyword is not in ["${'a'.repeat(46)}...]`,
      });
    });

    it('judges the status code before the keyword', async () => {
      expect(await check('/status/500', { type: 'keyword', keyword: 'x' })).toMatchObject({
        status: 'down',
        msg: 'Request failed with status code 500',
      });
    });
  });

  describe('json-query', () => {
    const queryCheck = (path: string, jsonPath: string, expectedValue: string) =>
      check(path, { type: 'json-query', jsonPath, expectedValue });

    it('is UP when the JSONata result equals the expected value', async () => {
      expect(await queryCheck('/json', 'data.status', 'ok')).toMatchObject({
        status: 'up',
        msg: '200 - OK, expected value is found',
      });
    });

    it('compares the stringified result', async () => {
      expect(await queryCheck('/json', 'data.count * 2', '6')).toMatchObject({ status: 'up' });
    });

    it('is DOWN and shows the value found when it differs', async () => {
      expect(await queryCheck('/json', 'data.status', 'degraded')).toMatchObject({
        status: 'down',
        msg: '200 - OK, but value is not equal to expected value, value was: [ok]',
      });
    });

    it('is DOWN with a clear message when the body is not JSON', async () => {
      const result = await queryCheck('/page', 'data.status', 'ok');

      expect(result.status).toBe('down');
      expect(result.msg).toMatch(/^200 - OK, but the response is not valid JSON: /);
    });

    it('is DOWN when the body is too large to evaluate', async () => {
      expect(await queryCheck('/huge', '$', 'x')).toMatchObject({
        status: 'down',
        msg: '200 - OK, but the response is larger than 1048576 bytes',
      });
    });

    it('is DOWN with a clear message when the expression is invalid', async () => {
      const result = await queryCheck('/json', 'data.(', 'ok');

      expect(result.status).toBe('down');
      expect(result.msg).toMatch(/^200 - OK, but the JSON query failed: /);
    });
  });
});

describe('runHttpCheck against an unreachable port', () => {
  it('reports the connect error text', async () => {
    const server = createServer();
    const host = await listen(server);
    await closeServer(server);

    expect(await runHttpCheck(makeHttpCheckSettings({ url: `http://${host}/` }))).toEqual({
      status: 'down',
      msg: `connect ECONNREFUSED ${host}`,
      pingMs: null,
    });
  });
});

describe('runHttpCheck against a self-signed HTTPS server', () => {
  const pems = localhostCertificate();
  let server: Server;
  let host: string;

  beforeAll(async () => {
    server = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      res.end('secure hello');
    });
    host = await listen(server);
  });

  afterAll(async () => {
    await closeServer(server);
  });

  it('is DOWN with the verification error but still reports the certificate', async () => {
    const result = await runHttpCheck(makeHttpCheckSettings({ url: `https://${host}/` }));

    expect(result).toMatchObject({ status: 'down', msg: 'self-signed certificate' });
    expect(result.tls?.valid).toBe(false);
    expect(result.tls?.certInfo.certType).toBe('self-signed');
  });

  it('words the verification error exactly like Node does', async () => {
    const nodeError = await new Promise<unknown>((resolve) => {
      httpsGet(`https://${host}/`, (res) => resolve(res.statusCode)).on('error', resolve);
    });

    const result = await runHttpCheck(makeHttpCheckSettings({ url: `https://${host}/` }));

    expect(result.msg).toBe(describeError(nodeError));
  });

  it('is UP with ignoreTls and marks the certificate invalid', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `https://${host}/`, ignoreTls: true }),
    );

    expect(result).toMatchObject({ status: 'up', msg: '200 - OK' });
    expect(result.tls?.valid).toBe(false);
  });

  it('reads the certificate facts, including days remaining', async () => {
    const now = new Date();
    const result = await runHttpCheck(
      makeHttpCheckSettings({ url: `https://${host}/`, ignoreTls: true }),
      {
        now: () => now,
      },
    );
    const certInfo = result.tls?.certInfo;

    expect(certInfo?.certType).toBe('self-signed');
    expect(certInfo?.subject).toEqual({ CN: 'localhost' });
    expect(certInfo?.validFor).toEqual(['localhost', '127.0.0.1']);
    expect(certInfo?.issuerCertificate).toBeNull();
    expect(certInfo?.daysRemaining).toBeGreaterThanOrEqual(29);
    expect(certInfo?.daysRemaining).toBeLessThanOrEqual(31);
    expect(Date.parse(certInfo?.validTo ?? '')).toBe(Date.parse(certInfo?.valid_to ?? ''));
  });

  it('keeps the certificate of the final hop after a keyword check', async () => {
    const result = await runHttpCheck(
      makeHttpCheckSettings({
        url: `https://${host}/`,
        ignoreTls: true,
        type: 'keyword',
        keyword: 'secure',
      }),
    );

    expect(result).toMatchObject({ status: 'up', msg: '200 - OK, keyword is found' });
    expect(result.tls?.certInfo.subject).toEqual({ CN: 'localhost' });
  });
});

describe('runHttpCheck settings', () => {
  let server: Server | undefined;

  afterEach(async () => {
    if (server) await closeServer(server);
    server = undefined;
  });

  it('reports DOWN without a request when the URL is missing or invalid', async () => {
    expect(await runHttpCheck(makeHttpCheckSettings({ url: null }))).toMatchObject({
      status: 'down',
      msg: 'URL is not set',
    });
    expect(await runHttpCheck(makeHttpCheckSettings({ url: 'not a url' }))).toMatchObject({
      status: 'down',
      msg: 'Invalid URL: not a url',
    });
    expect(await runHttpCheck(makeHttpCheckSettings({ url: 'ftp://example.test/' }))).toMatchObject(
      {
        status: 'down',
        msg: 'Unsupported protocol ftp:',
      },
    );
  });

  it('reports DOWN with the reason when the caller aborts', async () => {
    server = createServer(() => {});
    const host = await listen(server);
    const controller = new AbortController();

    const pending = runHttpCheck(makeHttpCheckSettings({ url: `http://${host}/` }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('timeout by AbortSignal (12s)')), 50);

    expect(await pending).toEqual({
      status: 'down',
      msg: 'timeout by AbortSignal (12s)',
      pingMs: null,
    });
  });
});
