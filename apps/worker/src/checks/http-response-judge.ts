import { STATUS_CODES } from 'node:http';
import { TextDecoder } from 'node:util';
import type { Dispatcher } from 'undici';
import type { CheckResult, HttpCheckSettings } from '@watchpost/core';
import { isStatusCodeAccepted } from './accepted-status-codes.js';
import { capContent } from './content-cap.js';
import { firstHeader } from './first-header.js';
import { sharedJsonQueryPool } from './json-query/json-query-pool.js';

// keyword and json-query only need the start of a page; a monitor must not be able to make a
// worker buffer an arbitrarily large download.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The result for the final response of an `http`, `keyword` or `json-query` check. Reads or
 * dumps the body in every case, as undici needs before it lets go of the connection.
 */
export async function judgeResponse(
  settings: HttpCheckSettings,
  response: Dispatcher.ResponseData,
  { startedAt, headersAt, tenantId }: { startedAt: number; headersAt: number; tenantId: number },
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
      return { ...(await judgeJsonQuery(settings, statusLine, body, tenantId)), pingMs };
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
  tenantId: number,
): Promise<Pick<CheckResult, 'status' | 'msg'>> {
  if (body.truncated) {
    return {
      status: 'down',
      msg: `${statusLine}, but the response is larger than ${MAX_BODY_BYTES} bytes`,
    };
  }
  // In a process of its own: an expression may loop forever (docs/protocol/monitoring.md#monitor-types).
  const outcome = await sharedJsonQueryPool().evaluate({
    tenantId,
    body: body.text,
    expression: settings.jsonPath ?? '',
    expectedValue: settings.expectedValue,
  });
  switch (outcome.kind) {
    case 'bad-json':
      // V8's parse error quotes the start of the body.
      return {
        status: 'down',
        msg: `${statusLine}, but the response is not valid JSON: ${capContent(outcome.error)}`,
      };
    case 'failed':
      // Some JSONata errors quote the value they failed on.
      return {
        status: 'down',
        msg: `${statusLine}, but the JSON query failed: ${capContent(outcome.error)}`,
      };
    case 'value':
      if (outcome.matches) return { status: 'up', msg: `${statusLine}, expected value is found` };
      return {
        status: 'down',
        msg: `${statusLine}, but value is not equal to expected value, value was: [${capContent(outcome.value)}]`,
      };
    default: {
      const unknown: never = outcome;
      return unknown;
    }
  }
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
