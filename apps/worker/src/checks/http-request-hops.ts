import type { Dispatcher } from 'undici';
import type { HttpCheckSettings } from '@watchpost/core';
import { describeError } from './check-error.js';
import { firstHeader } from './first-header.js';

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

// Kuma's clients send these unless the monitor overrides them; some servers refuse requests
// that have no user agent at all.
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  'user-agent': 'Watchpost',
};

/** One request of a check: the first one, or one that follows a redirect. */
export interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

type Prepared = { ok: true; hop: Hop } | { ok: false; msg: string };

export function prepareFirstHop(settings: HttpCheckSettings): Prepared {
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

/** The location a response redirects to, or undefined when it is no redirect to follow. */
export function redirectLocation(
  response: Pick<Dispatcher.ResponseData, 'statusCode' | 'headers'>,
): string | undefined {
  const location = firstHeader(response.headers.location);
  return REDIRECT_CODES.has(response.statusCode) && location ? location : undefined;
}

/** Follows the rules of follow-redirects, which axios (and so Kuma) uses. */
export function prepareRedirectHop(previous: Hop, statusCode: number, location: string): Prepared {
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

function fail(msg: string): { ok: false; msg: string } {
  return { ok: false, msg };
}
