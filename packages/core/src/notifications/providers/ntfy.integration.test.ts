import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { ntfyProvider } from './ntfy.js';
import {
  downEvent,
  REFUSED_URL,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'ntfy',
  ntfyserverurl: service.url,
  ntfytopic: 'shop-alerts',
  ntfyPriority: 3,
  ntfyAuthenticationMethod: 'none',
  ...overrides,
});

describe('ntfy provider (docs/protocol/notification-providers.md#ntfy)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('ntfy')).toBe(ntfyProvider);
  });

  it('publishes a DOWN beat as JSON to the server URL, one priority higher', async () => {
    const result = await ntfyProvider.send(
      config({ ntfyIcon: 'https://icons.example/kuma.png' }),
      downEvent(),
      TEST_CONTEXT,
    );
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.json).toEqual({
      topic: 'shop-alerts',
      message: 'Request failed with status code 503',
      priority: 4,
      title: 'Shop API Down [Uptime-Kuma]',
      tags: ['red_circle'],
      actions: [{ action: 'view', label: 'Open Shop API', url: 'https://shop.example/health' }],
      icon: 'https://icons.example/kuma.png',
    });
  });

  it('publishes an UP beat at the base priority, with Basic auth', async () => {
    await ntfyProvider.send(
      config({
        ntfyAuthenticationMethod: 'usernamePassword',
        ntfyusername: 'phil',
        ntfypassword: 'pw:1',
      }),
      upEvent(),
      TEST_CONTEXT,
    );
    const request = service.requests.at(-1);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('phil:pw:1').toString('base64')}`,
    );
    expect(request?.json).toEqual({
      topic: 'shop-alerts',
      message: '200 - OK',
      priority: 3,
      title: 'Shop API Up [Uptime-Kuma]',
      tags: ['green_circle'],
      actions: [{ action: 'view', label: 'Open Shop API', url: 'https://shop.example/health' }],
    });
  });

  it('keeps priority 5 for DOWN, defaults to 4, and reads a string priority as a number', async () => {
    await ntfyProvider.send(config({ ntfyPriority: 5 }), downEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({ priority: 5 });
    await ntfyProvider.send(config({ ntfyPriority: undefined }), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({ priority: 4 });
    await ntfyProvider.send(config({ ntfyPriority: '3' }), downEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({ priority: 4 });
  });

  it('sends a test with the topic as title and a Bearer token', async () => {
    await ntfyProvider.send(
      config({ ntfyAuthenticationMethod: 'accessToken', ntfyaccesstoken: 'tk_abc', ntfyIcon: 'x' }),
      testMessage(),
      TEST_CONTEXT,
    );
    const request = service.requests.at(-1);
    expect(request?.headers.authorization).toBe('Bearer tk_abc');
    expect(request?.json).toEqual({
      topic: 'shop-alerts',
      title: 'shop-alerts [Uptime-Kuma]',
      message: 'My Alert (1) Testing',
      priority: 3,
      tags: ['test_tube'],
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({
      status: 403,
      body: { code: 40301, http: 403, error: 'forbidden', link: 'https://ntfy.sh/docs/publish/' },
    });
    await expect(ntfyProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 403 {"code":40301,"http":403,"error":"forbidden","link":"https://ntfy.sh/docs/publish/"}',
    );
    const refused = config({ ntfyserverurl: REFUSED_URL });
    await expect(ntfyProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
