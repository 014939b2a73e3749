import { STATUS_CODES } from 'node:http';
import { Agent, interceptors, request as undiciRequest, type Dispatcher } from 'undici';
import { createEgressConnector } from '../egress/egress-connect.js';
import type { EgressPolicy } from '../egress/egress-policy.js';

/**
 * HTTP for the providers, with the conventions of upstream's axios 0.30 (docs/protocol/notification-providers.md#http-conventions) so services
 * and fakes see the same requests: an object body is JSON without its `undefined` keys, a
 * string body is form-encoded unless a header says otherwise, anything outside 2xx fails,
 * redirects are followed. Unlike upstream, every request has a timeout.
 */
export interface ProviderRequest {
  method?: 'GET' | 'POST' | 'PUT';
  url: string;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Checked on every address dialled, each redirect's included (architecture rule 10). */
  egress: EgressPolicy;
}

export interface ProviderResponse {
  status: number;
  /** The standard reason phrase of `status` (PagerDuty's success text shows it). */
  statusText: string;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/** A non-2xx answer, worded as axios words it (`String(err)` gives "AxiosError: …"). */
export class ProviderHttpError extends Error {
  constructor(readonly response: ProviderResponse) {
    super(`Request failed with status code ${response.status}`);
    this.name = 'AxiosError';
  }
}

// Follows redirects as axios does. Not fetch: it refuses some ports axios allows (port 1,
// 6000, …), which would turn a user's odd but valid URL into an error of ours. A redirect
// goes back through the same agent, so its connector checks every hop's address. One agent
// per policy: a process has one policy, so this holds one or two entries.
const dispatchers = new WeakMap<EgressPolicy, Dispatcher>();

function dispatcherFor(egress: EgressPolicy): Dispatcher {
  let dispatcher = dispatchers.get(egress);
  if (dispatcher === undefined) {
    dispatcher = new Agent({ connect: createEgressConnector(egress) }).compose(
      interceptors.redirect({ maxRedirections: 5 }),
    );
    dispatchers.set(egress, dispatcher);
  }
  return dispatcher;
}

const BASE_HEADERS = {
  Accept: 'application/json, text/plain, */*',
  'User-Agent': 'Watchpost',
};

export async function sendRequest(request: ProviderRequest): Promise<ProviderResponse> {
  const headers: Record<string, string> = { ...BASE_HEADERS };
  let body: string | undefined;
  if (typeof request.body === 'string') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = request.body;
  } else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    // JSON.stringify drops undefined-valued keys and keeps nulls, as axios does.
    body = JSON.stringify(request.body);
  }
  // Header names are case-insensitive: a caller's `content-type` replaces our `Content-Type`
  // instead of going out beside it.
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    for (const existing of Object.keys(headers)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
    }
    headers[name] = value;
  }
  let response: ProviderResponse;
  try {
    const res = await undiciRequest(request.url, {
      method: request.method ?? 'POST',
      headers,
      body,
      dispatcher: dispatcherFor(request.egress),
      headersTimeout: request.timeoutMs,
      bodyTimeout: request.timeoutMs,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await res.body.text();
    response = {
      status: res.statusCode,
      statusText: STATUS_CODES[res.statusCode] ?? '',
      text,
      json: parseJson(text),
    };
  } catch (error) {
    throw networkError(error, request.timeoutMs);
  }
  if (response.status < 200 || response.status > 299) throw new ProviderHttpError(response);
  return response;
}

/**
 * The "general" error text of most providers (docs/protocol/notification-providers.md#error-texts): "Error: " + String(err) + " " + body,
 * the body re-serialised compactly when it is JSON; note the trailing space.
 */
export function generalErrorText(error: unknown): string {
  let body = '';
  if (error instanceof ProviderHttpError) {
    const { json, text } = error.response;
    body = json !== undefined ? JSON.stringify(json) : text;
  }
  return `Error: ${String(error)} ${body}`;
}

/** Rethrows any failure of `send` with the general error text (docs/protocol/notification-providers.md#error-texts). */
export async function withGeneralErrors<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new Error(generalErrorText(error), { cause: error });
  }
}

/** Socket failures as axios words them ("connect ECONNREFUSED …", "timeout of …ms exceeded"). */
function networkError(error: unknown, timeoutMs: number): Error {
  if (
    error instanceof Error &&
    ['TimeoutError', 'AbortError', 'HeadersTimeoutError', 'BodyTimeoutError'].includes(error.name)
  ) {
    return new Error(`timeout of ${timeoutMs}ms exceeded`);
  }
  return new Error(error instanceof Error ? error.message : String(error));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
