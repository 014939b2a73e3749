import { STATUS_CODES } from 'node:http';
import { TextDecoder } from 'node:util';
import jsonata from 'jsonata';
import type { Dispatcher } from 'undici';
import type { CheckResult, HttpCheckSettings } from '@watchpost/core';
import { isStatusCodeAccepted } from './accepted-status-codes.js';
import { describeError } from './check-error.js';
import { firstHeader } from './first-header.js';

// keyword and json-query only need the start of a page; a monitor must not be able to make a
// worker buffer an arbitrarily large download.
const MAX_BODY_BYTES = 1024 * 1024;

// Text copied from a response into a beat's msg: Kuma's keyword snippet is 50 characters, and
// 100 holds any status word, version or id a json-query compares, while a query such as
// `$string($)` can no longer copy a whole document into the beat history, the event list and
// every notification (docs/protocol/monitoring.md#monitor-types).
const MAX_CONTENT_CHARS = 100;

/**
 * The result for the final response of an `http`, `keyword` or `json-query` check. Reads or
 * dumps the body in every case, as undici needs before it lets go of the connection.
 */
export async function judgeResponse(
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
      // V8's parse error quotes the start of the body.
      msg: `${statusLine}, but the response is not valid JSON: ${capContent(describeError(error))}`,
    };
  }
  let result: unknown;
  try {
    result = await jsonata(settings.jsonPath ?? '').evaluate(data);
  } catch (error) {
    return {
      status: 'down',
      // Some JSONata errors quote the value they failed on.
      msg: `${statusLine}, but the JSON query failed: ${capContent(describeError(error))}`,
    };
  }
  if (String(result) === settings.expectedValue) {
    return { status: 'up', msg: `${statusLine}, expected value is found` };
  }
  return {
    status: 'down',
    msg: `${statusLine}, but value is not equal to expected value, value was: [${capContent(String(result))}]`,
  };
}

function capContent(text: string): string {
  return text.length > MAX_CONTENT_CHARS ? `${text.slice(0, MAX_CONTENT_CHARS - 3)}...` : text;
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
