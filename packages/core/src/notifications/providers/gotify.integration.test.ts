import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { gotifyProvider } from './gotify.js';
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
  type: 'gotify',
  gotifyserverurl: `${service.url}/`,
  gotifyapplicationToken: 'AbC.123',
  gotifyPriority: 5,
  ...overrides,
});

describe('gotify provider (docs/protocol/notification-providers.md#gotify)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('gotify')).toBe(gotifyProvider);
  });

  it('posts a DOWN beat to /message with the token in the query', async () => {
    const result = await gotifyProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/message?token=AbC.123' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      message: '[Shop API] [🔴 Down] Request failed with status code 503',
      priority: 5,
      title: 'Uptime-Kuma',
    });
  });

  it('sends UP beats and tests in the same shape', async () => {
    await gotifyProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      message: '[Shop API] [✅ Up] 200 - OK',
      priority: 5,
      title: 'Uptime-Kuma',
    });
    await gotifyProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      message: 'My Alert (1) Testing',
      priority: 5,
      title: 'Uptime-Kuma',
    });
  });

  it('strips only one trailing slash and turns a missing or 0 priority into 8, as upstream', async () => {
    await gotifyProvider.send(
      config({ gotifyserverurl: `${service.url}/gotify//`, gotifyPriority: 0 }),
      testMessage(),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.url).toBe('/gotify//message?token=AbC.123');
    expect(service.requests.at(-1)?.json).toMatchObject({ priority: 8 });
    await gotifyProvider.send(config({ gotifyPriority: undefined }), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({ priority: 8 });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({
      status: 401,
      body: { error: 'Unauthorized', errorCode: 401, errorDescription: 'invalid token' },
    });
    await expect(gotifyProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 401 {"error":"Unauthorized","errorCode":401,"errorDescription":"invalid token"}',
    );
    const refused = config({ gotifyserverurl: REFUSED_URL });
    await expect(gotifyProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
