import { STATUS_CODES } from 'node:http';
import { checkServerIdentity, createSecureContext, TLSSocket } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { TextDecoder } from 'node:util';
import jsonata from 'jsonata';
import { Agent, buildConnector, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { CheckResult, HttpCheckSettings, TlsInfo } from '@watchpost/core';
import { isStatusCodeAccepted } from './accepted-status-codes.js';
import { hasCertificate, toCertInfo } from './cert-info.js';

export interface CheckOptions {
  /**
   * A caller's hard stop. Aborting ends the check as DOWN with the reason's message, so abort
   * with e.g. `new Error('timeout by AbortSignal (58s)')` to get Kuma's text (spec §6.3).
   */
  signal?: AbortSignal;
  now?: () => Date;
}

// keyword and json-query only need the start of a page; a monitor must not be able to make a
// worker buffer an arbitrarily large download.
const MAX_BODY_BYTES = 1024 * 1024;

// setTimeout fires immediately for larger delays, which would turn a huge configured timeout
// into an instant failure.
const MAX_TIMER_MS = 2 ** 31 - 1;

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

// Kuma's clients send these unless the monitor overrides them; some servers refuse requests
// that have no user agent at all.
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  'user-agent': 'Watchpost',
};

// With verification deferred to our connector, Node only hands us the OpenSSL error code.
// These are OpenSSL 3's texts (bundled with Node 20 and 22) for the codes monitors meet, so
// the msg reads exactly like the error Node itself would have thrown.
const VERIFY_ERROR_TEXTS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_REVOKED: 'certificate revoked',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  INVALID_CA: 'invalid CA certificate',
  INVALID_PURPOSE: 'unsupported certificate purpose',
  PATH_LENGTH_EXCEEDED: 'path length constraint exceeded',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
  EE_KEY_TOO_SMALL: 'EE certificate key too weak',
  CA_KEY_TOO_SMALL: 'CA certificate key too weak',
  CA_MD_TOO_WEAK: 'CA signature digest algorithm too weak',
};

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

type Prepared = { ok: true; hop: Hop } | { ok: false; msg: string };

/**
 * One `http`, `keyword` or `json-query` check (spec §6.2). Every call opens its own
 * connections and closes them before returning, so no check measures a warm socket.
 */
export async function runHttpCheck(
  settings: HttpCheckSettings,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const prepared = prepareFirstHop(settings);
  if (!prepared.ok) return down(prepared.msg);

  const timeoutMs = resolveTimeoutMs(settings);
  const deadline = startDeadline(timeoutMs, options.signal);
  const tlsByEndpoint = new Map<string, TlsInfo>();
  const agent = new Agent({
    connect: createCapturingConnector({
      ignoreTls: settings.ignoreTls,
      timeoutMs,
      onHandshake: (endpoint, info) => tlsByEndpoint.set(endpoint, info),
      now,
    }),
    // The deadline below owns every timeout so that each one reads like Kuma's.
    headersTimeout: 0,
    bodyTimeout: 0,
  });

  let hop = prepared.hop;
  const withTls = (result: CheckResult): CheckResult => {
    const tls = tlsByEndpoint.get(endpointOf(hop.url));
    return tls === undefined ? result : { ...result, tls };
  };

  try {
    const maxRedirects = Math.max(0, settings.maxredirects);
    for (let redirects = 0; ; redirects++) {
      const startedAt = performance.now();
      const response = await request(hop.url, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        dispatcher: agent,
        signal: deadline.signal,
      });
      const headersAt = performance.now();
      const location = firstHeader(response.headers.location);

      // With maxredirects 0 axios hands back the 3xx itself, which is then judged like any
      // other status code.
      if (maxRedirects > 0 && REDIRECT_CODES.has(response.statusCode) && location) {
        await response.body.dump();
        if (redirects >= maxRedirects) return withTls(down('Maximum number of redirects exceeded'));
        const next = redirectHop(hop, response.statusCode, location);
        if (!next.ok) return withTls(down(next.msg));
        hop = next.hop;
        continue;
      }

      const result = await judgeResponse(settings, response, startedAt, headersAt);
      return withTls(result);
    }
  } catch (error) {
    if (deadline.timedOut || isConnectTimeout(error)) {
      return withTls(down(`timeout of ${timeoutMs}ms exceeded`));
    }
    const cause = options.signal?.aborted ? options.signal.reason : error;
    return withTls(down(describeError(cause)));
  } finally {
    deadline.clear();
    await agent.destroy();
  }
}

/** Request timeout of spec §6.3: `timeout` seconds, or 80 % of `interval` when it is ≤ 0. */
export function resolveTimeoutMs(
  settings: Pick<HttpCheckSettings, 'timeout' | 'interval'>,
): number {
  const seconds = settings.timeout > 0 ? settings.timeout : settings.interval * 0.8;
  return Math.min(Math.max(1, Math.round(seconds * 1000)), MAX_TIMER_MS);
}

/**
 * The msg for anything thrown, e.g. Kuma's `connect ECONNREFUSED 127.0.0.1:80` for a refused
 * connection. undici (and fetch) wrap the socket's system error in `cause`, so the innermost
 * error is the one that carries that text.
 */
export function describeError(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  // Node's happy-eyeballs connect (autoSelectFamily) fails with one error per address tried
  // and an empty message of its own.
  if (current instanceof AggregateError && current.message === '') {
    const messages = (current.errors as unknown[]).map(describeError);
    return [...new Set(messages)].join('; ') || 'AggregateError';
  }
  if (current instanceof Error) return current.message || current.name;
  if (typeof current === 'object' && current !== null && 'message' in current) {
    return String(current.message);
  }
  return String(current);
}

async function judgeResponse(
  settings: HttpCheckSettings,
  response: Dispatcher.ResponseData,
  startedAt: number,
  headersAt: number,
): Promise<CheckResult> {
  const code = response.statusCode;
  if (!isStatusCodeAccepted(code, settings.acceptedStatuscodes)) {
    await response.body.dump();
    const pingMs = Math.round(headersAt - startedAt);
    return { status: 'down', msg: `Request failed with status code ${code}`, pingMs };
  }
  const statusLine = `${code} - ${STATUS_CODES[code] ?? response.statusText}`;

  switch (settings.type) {
    case 'keyword': {
      const body = await readBoundedText(response);
      const pingMs = Math.round(performance.now() - startedAt);
      return { ...judgeKeyword(settings, statusLine, body.text), pingMs };
    }
    case 'json-query': {
      const body = await readBoundedText(response);
      const pingMs = Math.round(performance.now() - startedAt);
      return { ...(await judgeJsonQuery(settings, statusLine, body)), pingMs };
    }
    default:
      await response.body.dump();
      return { status: 'up', msg: statusLine, pingMs: Math.round(headersAt - startedAt) };
  }
}

function judgeKeyword(
  settings: HttpCheckSettings,
  statusLine: string,
  text: string,
): Pick<CheckResult, 'status' | 'msg'> {
  // The keyword is checked to be set before the request is made.
  const keyword = settings.keyword ?? '';
  const found = text.includes(keyword);
  if (found === !settings.invertKeyword) {
    return { status: 'up', msg: `${statusLine}, keyword ${found ? 'is' : 'not'} found` };
  }
  let snippet = text.replace(/<[^>]*>?|[\n\r]|\s+/gm, ' ').trim();
  if (snippet.length > 50) snippet = `${snippet.substring(0, 47)}...`;
  return {
    status: 'down',
    msg: `${statusLine}, but keyword is ${found ? 'present' : 'not'} in [${snippet}]`,
  };
}

async function judgeJsonQuery(
  settings: HttpCheckSettings,
  statusLine: string,
  body: { text: string; truncated: boolean },
): Promise<Pick<CheckResult, 'status' | 'msg'>> {
  if (body.truncated) {
    return {
      status: 'down',
      msg: `${statusLine}, but the response is larger than ${MAX_BODY_BYTES} bytes`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(body.text);
  } catch (error) {
    return {
      status: 'down',
      msg: `${statusLine}, but the response is not valid JSON: ${describeError(error)}`,
    };
  }
  let result: unknown;
  try {
    result = await jsonata(settings.jsonPath ?? '').evaluate(data);
  } catch (error) {
    return {
      status: 'down',
      msg: `${statusLine}, but the JSON query failed: ${describeError(error)}`,
    };
  }
  if (String(result) === settings.expectedValue) {
    return { status: 'up', msg: `${statusLine}, expected value is found` };
  }
  return {
    status: 'down',
    msg: `${statusLine}, but value is not equal to expected value, value was: [${String(result)}]`,
  };
}

async function readBoundedText(
  response: Dispatcher.ResponseData,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    const room = MAX_BODY_BYTES - size;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      truncated = true;
      // Leaving the loop destroys the stream, so the rest is never downloaded.
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  const contentType = firstHeader(response.headers['content-type']);
  return { text: decoderFor(contentType).decode(Buffer.concat(chunks)), truncated };
}

function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

function prepareFirstHop(settings: HttpCheckSettings): Prepared {
  if (settings.url === null || settings.url.trim() === '') return fail('URL is not set');
  let url: URL;
  try {
    url = new URL(settings.url.trim());
  } catch {
    return fail(`Invalid URL: ${settings.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`Unsupported protocol ${url.protocol}`);
  }
  if (settings.type === 'keyword' && !settings.keyword) return fail('Keyword is not set');
  if (settings.type === 'json-query' && !settings.jsonPath) {
    return fail('JSON query (jsonPath) is not set');
  }

  const parsed = parseHeaders(settings.headers);
  if (!parsed.ok) return parsed;
  const headers = { ...DEFAULT_HEADERS, ...parsed.headers };

  const hasBody = settings.body !== null && settings.body.trim() !== '';
  if (hasBody && headers['content-type'] === undefined) {
    if (settings.httpBodyEncoding === 'json') headers['content-type'] = 'application/json';
    // Kuma labels XML bodies this way; without it many SOAP endpoints answer 415.
    if (settings.httpBodyEncoding === 'xml') headers['content-type'] = 'text/xml; charset=utf-8';
  }

  switch (settings.authMethod) {
    case null:
    case '':
      break;
    case 'basic':
      headers.authorization = basicAuthorization(settings.basicAuthUser, settings.basicAuthPass);
      break;
    case 'ntlm':
    case 'mtls':
    case 'oauth2-cc':
      // Sending the request without the credentials would report a misleading 401.
      return fail(`Authentication method ${settings.authMethod} is not supported yet`);
    default: {
      const unknown: never = settings.authMethod;
      return fail(`Unknown authentication method ${String(unknown)}`);
    }
  }

  // Like axios, credentials written into the URL become basic auth instead of being sent raw.
  if (url.username !== '' || url.password !== '') {
    headers.authorization ??= basicAuthorization(
      decodeURIComponent(url.username),
      decodeURIComponent(url.password),
    );
    url.username = '';
    url.password = '';
  }

  const method = (settings.method || 'GET').toUpperCase();
  return { ok: true, hop: { url, method, headers, body: hasBody ? settings.body : null } };
}

function parseHeaders(
  text: string | null,
): { ok: true; headers: Record<string, string> } | { ok: false; msg: string } {
  if (text === null || text.trim() === '') return { ok: true, headers: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(`Headers are not valid JSON: ${describeError(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('Headers must be a JSON object');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    // Header names are case-insensitive; one spelling lets user values replace defaults.
    headers[name.toLowerCase()] = typeof value === 'string' ? value : String(value);
  }
  return { ok: true, headers };
}

function basicAuthorization(user: string | null, pass: string | null): string {
  return `Basic ${Buffer.from(`${user ?? ''}:${pass ?? ''}`, 'utf8').toString('base64')}`;
}

/** Follows the rules of follow-redirects, which axios (and so Kuma) uses. */
function redirectHop(previous: Hop, statusCode: number, location: string): Prepared {
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch {
    return fail(`Invalid redirect location: ${location}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`Unsupported protocol ${url.protocol}`);
  }
  const headers = { ...previous.headers };
  let { method, body } = previous;
  const becomesGet =
    ((statusCode === 301 || statusCode === 302) && method === 'POST') ||
    (statusCode === 303 && method !== 'GET' && method !== 'HEAD');
  if (becomesGet) {
    method = 'GET';
    body = null;
    for (const name of Object.keys(headers)) {
      if (name.startsWith('content-')) delete headers[name];
    }
  }
  // A Host header written for the first server would misroute the next one.
  delete headers.host;
  const leavesHost = url.host !== previous.url.host;
  const downgrades = previous.url.protocol === 'https:' && url.protocol === 'http:';
  if (leavesHost || downgrades) {
    // Credentials meant for one server must not leak to whichever host a redirect names.
    delete headers.authorization;
    delete headers['proxy-authorization'];
    delete headers.cookie;
  }
  return { ok: true, hop: { url, method, headers, body } };
}

function createCapturingConnector(options: {
  ignoreTls: boolean;
  timeoutMs: number;
  onHandshake: (endpoint: string, info: TlsInfo) => void;
  now: () => Date;
}): buildConnector.connector {
  const connect = buildConnector({
    secureContext: sharedSecureContext(),
    // Verification is decided below, after the certificate has been recorded, so that an
    // invalid certificate still shows up in certInfo.
    rejectUnauthorized: false,
    // A resumed session carries no certificate chain and skips verification; a monitor must
    // see the certificate the server presents now.
    maxCachedSessions: 0,
    timeout: options.timeoutMs,
  });
  return (target, callback) => {
    connect(target, (...args) => {
      const [error, socket] = args;
      if (error !== null) {
        callback(error, null);
        return;
      }
      if (!(socket instanceof TLSSocket)) {
        callback(null, socket);
        return;
      }
      const peer = socket.getPeerCertificate(true);
      if (hasCertificate(peer)) {
        const info = { valid: socket.authorized, certInfo: toCertInfo(peer, options.now()) };
        options.onHandshake(`${unbracket(target.hostname)}:${target.port || '443'}`, info);
      }
      if (!socket.authorized && !options.ignoreTls) {
        socket.destroy();
        const identity = target.servername || unbracket(target.hostname);
        callback(verificationError(socket, identity, peer), null);
        return;
      }
      callback(null, socket);
    });
  };
}

function verificationError(socket: TLSSocket, identity: string, peer: object): Error {
  // Typed as Error, but Node stores the error's code (a string) here.
  const code = String(socket.authorizationError as unknown);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' && hasCertificate(peer)) {
    const mismatch = checkServerIdentity(identity, peer);
    if (mismatch !== undefined) return mismatch;
  }
  return Object.assign(new Error(VERIFY_ERROR_TEXTS[code] ?? code), { code });
}

let secureContext: SecureContext | undefined;

// Building a context (loading the CA store) costs more than the handshake's own crypto; all
// checks share one, lazily so that importing this module stays free.
function sharedSecureContext(): SecureContext {
  secureContext ??= createSecureContext();
  return secureContext;
}

function endpointOf(url: URL): string {
  return `${unbracket(url.hostname)}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isConnectTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

/**
 * Aborts at the check's timeout or when the caller's signal fires. A listener removed in
 * `clear()` is used instead of AbortSignal.any, which on Node 20 keeps every combined signal
 * alive for as long as the long-lived worker signal lives.
 */
function startDeadline(timeoutMs: number, outer: AbortSignal | undefined) {
  const controller = new AbortController();
  const state = { timedOut: false };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new Error(`timeout of ${timeoutMs}ms exceeded`));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return state.timedOut;
    },
    clear(): void {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

function fail(msg: string): { ok: false; msg: string } {
  return { ok: false, msg };
}

function down(msg: string): CheckResult {
  return { status: 'down', msg, pingMs: null };
}
