import { randomBytes } from 'node:crypto';
import { Liquid } from 'liquidjs';
import { sendRequest, withGeneralErrors } from '../http.js';
import {
  SENT_SUCCESSFULLY,
  type NotificationConfig,
  type NotificationProvider,
} from '../provider.js';
import { requireConfigText } from './provider-fields.js';

/**
 * The generic webhook (docs/protocol/notification-providers.md#webhook): POSTs `{heartbeat, monitor, msg}` as JSON, as one
 * multipart field `data`, or as a Liquid-rendered custom body, with optional extra headers.
 */
export const webhookProvider: NotificationProvider = {
  type: 'webhook',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const payload = { heartbeat, monitor, msg };
      let body: unknown = payload;
      let headers: Record<string, string> = {};
      if (config.webhookContentType === 'form-data') {
        ({ body, headers } = multipartField('data', JSON.stringify(payload)));
      } else if (config.webhookContentType === 'custom') {
        // A custom body goes out form-encoded unless the extra headers say otherwise (docs/protocol/notification-providers.md#quirks-and-resolutions #9):
        // users rely on that pairing. Unlike axios, a JSON Content-Type does not make us
        // quote a body that is not JSON: the text is sent exactly as rendered.
        body = await renderCustomBody(customTemplate(config), {
          msg,
          heartbeatJSON: heartbeat,
          monitorJSON: monitor,
        });
      }
      if (config.webhookAdditionalHeaders) {
        // Later wins, whatever the letter case (sendRequest): the extra headers override the
        // computed ones, the multipart Content-Type included.
        headers = { ...headers, ...parseAdditionalHeaders(config.webhookAdditionalHeaders) };
      }
      // The URL may carry a key; it is never logged.
      const url = requireConfigText(config, 'webhookURL');
      await sendRequest({ url, body, headers, timeoutMs, egress });
      return SENT_SUCCESSFULLY;
    }),
};

// The engine upstream renders custom bodies with (liquidjs 10), so a template that works
// with Uptime Kuma renders the same here. Partials are off as upstream's are (docs/protocol/notification-providers.md#webhook):
// the engine sees no file system at all, so `{% include "/etc/passwd" %}` reads nothing.
const NO_FILES = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => Promise.reject(new Error('no files')),
  readFileSync: () => {
    throw new Error('no files');
  },
  resolve: (_root: string, file: string) => file,
};
// A tenant's template runs on the API node (Test) and in the worker (deliveries), so it gets
// limits that hold inside loops that never yield: liquidjs checks them as it renders each
// node. Rendering does not give the event loop a turn, so the time limit is also the longest
// a template can hold up the process: real bodies render in well under a millisecond, while
// `{% for i in (1..100000000) %}` is stopped after 200 ms.
const LIQUID_LIMITS = {
  /** Characters of template. */
  parseLimit: 64 * 1024,
  /** Milliseconds of rendering. */
  renderLimit: 200,
  /** Characters the template's strings and arrays may allocate. */
  memoryLimit: 16 * 1024 * 1024,
};
const MAX_BODY_CHARS = 1024 * 1024;

const liquid = new Liquid({
  fs: NO_FILES,
  root: ['<root>'],
  dynamicPartials: false,
  relativeReference: false,
  ...LIQUID_LIMITS,
});

async function renderCustomBody(template: string, scope: object): Promise<string> {
  const body = await liquid.parseAndRender(template, scope);
  if (body.length > MAX_BODY_CHARS) {
    throw new Error(`The rendered body is longer than ${MAX_BODY_CHARS} characters`);
  }
  return body;
}

/** Upstream renders a missing template as the text "undefined" (docs/protocol/notification-providers.md#webhook); so does this. */
function customTemplate(config: NotificationConfig): string {
  const template = config.webhookCustomBody;
  return typeof template === 'string' ? template : String(template);
}

/** The body the `form-data` package builds for one text field: no filename, no part type. */
function multipartField(name: string, value: string) {
  const boundary = `--------------------------${randomBytes(12).toString('hex')}`;
  return {
    body:
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n` +
      `${value}\r\n--${boundary}--\r\n`,
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Upstream throws the bare string "Additional Headers is not a valid JSON", which the general
 * style prints without a class name; an Error with an empty name prints the same way.
 */
class UnnamedError extends Error {
  override name = '';
}

function parseAdditionalHeaders(text: unknown): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch {
    throw new UnnamedError('Additional Headers is not a valid JSON');
  }
  const headers: Record<string, string> = {};
  if (typeof parsed !== 'object' || parsed === null) return headers;
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== null && value !== undefined) headers[key] = String(value);
  }
  return headers;
}
