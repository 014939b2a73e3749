import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import {
  downEvent,
  REFUSED_URL,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';
import { webhookProvider } from './webhook.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'webhook',
  webhookURL: `${service.url}/hooks/uptime?key=s3cret`,
  webhookContentType: 'json',
  ...overrides,
});

const send = (overrides: Record<string, unknown>, message = downEvent()) =>
  webhookProvider.send(config(overrides), message, TEST_CONTEXT);

describe('webhook provider (docs/protocol/notification-providers.md#webhook)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('webhook')).toBe(webhookProvider);
  });

  it('posts {heartbeat, monitor, msg} as JSON for DOWN and UP beats', async () => {
    const down = downEvent();
    expect(await send({}, down)).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/uptime?key=s3cret' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      heartbeat: down.heartbeat,
      monitor: down.monitor,
      msg: down.msg,
    });
    const up = upEvent();
    await send({ webhookContentType: undefined }, up);
    expect(service.requests.at(-1)?.json).toEqual({
      heartbeat: up.heartbeat,
      monitor: up.monitor,
      msg: '[Shop API] [✅ Up] 200 - OK',
    });
  });

  it('keeps heartbeat and monitor as null keys in a test', async () => {
    await send({}, testMessage());
    expect(service.requests.at(-1)?.body).toBe(
      '{"heartbeat":null,"monitor":null,"msg":"My Alert (1) Testing"}',
    );
  });

  it('sends form-data as one multipart field "data" holding the JSON text', async () => {
    const down = downEvent();
    await send({ webhookContentType: 'form-data' }, down);
    const request = service.requests.at(-1);
    const boundary = /^multipart\/form-data; boundary=(-{26}[0-9a-f]{24})$/.exec(
      String(request?.headers['content-type']),
    )?.[1];
    expect(boundary).toBeDefined();
    expect(request?.body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n` +
        `${JSON.stringify({ heartbeat: down.heartbeat, monitor: down.monitor, msg: down.msg })}\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it('renders a custom Liquid body, sent form-encoded unless a header overrides it', async () => {
    const template =
      '{"text":"{{ msg }}","name":"{{ monitorJSON[\'name\'] }}","up":{% if heartbeatJSON.status == 1 %}true{% else %}false{% endif %}}';
    await send({ webhookContentType: 'custom', webhookCustomBody: template }, upEvent());
    let request = service.requests.at(-1);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe(
      '{"text":"[Shop API] [✅ Up] 200 - OK","name":"Shop API","up":true}',
    );

    await send(
      {
        webhookContentType: 'custom',
        webhookCustomBody: 'status={{ heartbeatJSON.status }} {{ monitorJSON.name }}',
        webhookAdditionalHeaders: '{"content-type":"text/plain","X-Api-Key":"k1"}',
      },
      testMessage(),
    );
    request = service.requests.at(-1);
    expect(request?.headers['content-type']).toBe('text/plain');
    expect(request?.headers['x-api-key']).toBe('k1');
    expect(request?.body).toBe('status= ');
  });

  it('sends a non-JSON custom body unchanged even under a JSON Content-Type', async () => {
    await send(
      {
        webhookContentType: 'custom',
        webhookCustomBody: '  {{ msg }}  ',
        webhookAdditionalHeaders: '{"Content-Type":"application/json"}',
      },
      testMessage(),
    );
    expect(service.requests.at(-1)?.headers['content-type']).toBe('application/json');
    expect(service.requests.at(-1)?.body).toBe('  My Alert (1) Testing  ');
  });

  it('sends a missing template as the text "undefined", as upstream', async () => {
    await send({ webhookContentType: 'custom' }, testMessage());
    expect(service.requests.at(-1)?.body).toBe('undefined');
  });

  it('merges additional headers over the computed ones, even the multipart type', async () => {
    await send({
      webhookContentType: 'form-data',
      webhookAdditionalHeaders:
        '{"Content-Type":"application/octet-stream","Authorization":"Bearer t"}',
    });
    const request = service.requests.at(-1);
    expect(request?.headers['content-type']).toBe('application/octet-stream');
    expect(request?.headers.authorization).toBe('Bearer t');
  });

  it('words template and header mistakes as upstream, template first', async () => {
    await expect(
      send({
        webhookContentType: 'custom',
        webhookCustomBody: '{{ }}',
        webhookAdditionalHeaders: '{',
      }),
    ).rejects.toThrow(/^Error: TokenizationError: invalid value expression: "", line:1, col:4 $/);
    await expect(
      send({ webhookContentType: 'custom', webhookCustomBody: '{% include "x" %}' }),
    ).rejects.toThrow(
      /^Error: RenderError: ENOENT: Failed to lookup ""x"" in "<root>", line:1, col:1 $/,
    );
    await expect(
      send({ webhookContentType: 'custom', webhookCustomBody: '{% include "/etc/passwd" %}' }),
    ).rejects.toThrow(/Failed to lookup/);
    await expect(send({ webhookAdditionalHeaders: 'not json' })).rejects.toThrow(
      /^Error: Additional Headers is not a valid JSON $/,
    );
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 422, body: { error: 'bad payload' } });
    await expect(send({})).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 422 \{"error":"bad payload"\}$/,
    );
    service.replyWith({ status: 500, body: 'oops' });
    await expect(send({})).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 500 oops$/,
    );
    await expect(send({ webhookURL: REFUSED_URL })).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});

describe('webhook templates from a hostile tenant', () => {
  const custom = (webhookCustomBody: string) =>
    send({ webhookContentType: 'custom', webhookCustomBody }, testMessage());

  it('stops an endless loop at its time limit, sending nothing', async () => {
    service.reset();
    let worstDelayMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstDelayMs = Math.max(worstDelayMs, now - last - 5);
      last = now;
    }, 5);

    await expect(custom('{% for i in (1..100000000) %}x{% endfor %}')).rejects.toThrow(
      /memory alloc limit exceeded|template render limit exceeded/,
    );
    await expect(
      custom(
        '{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}',
      ),
    ).rejects.toThrow(/template render limit exceeded/);
    // One more turn of the loop, so the tick the render held back is counted.
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(ticker);

    expect(service.requests).toEqual([]);
    process.stdout.write(`liquid limits: worst event-loop delay ${worstDelayMs.toFixed(0)} ms\n`);
  });

  it('refuses a template that builds a huge string, and a huge template', async () => {
    await expect(
      custom(
        '{% assign s = "xxxxxxxxxx" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      ),
    ).rejects.toThrow(/memory alloc limit exceeded/);
    await expect(custom('x'.repeat(70 * 1024))).rejects.toThrow(/parse length limit exceeded/);
    expect(service.requests).toEqual([]);
  });
});
