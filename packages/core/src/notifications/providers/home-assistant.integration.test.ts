import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { homeAssistantProvider } from './home-assistant.js';
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
  type: 'HomeAssistant',
  homeAssistantUrl: ` ${service.url}// `,
  longLivedAccessToken: 'eyJ.secret',
  notificationService: 'mobile_app_pixel',
  ...overrides,
});

describe('HomeAssistant provider (docs/protocol/notification-providers.md#home-assistant)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('HomeAssistant')).toBe(homeAssistantProvider);
  });

  it('calls the notify service with name and status of a DOWN beat, Bearer-authenticated', async () => {
    const result = await homeAssistantProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    // The URL was trimmed and lost every trailing slash.
    expect(request).toMatchObject({ method: 'POST', url: '/api/services/notify/mobile_app_pixel' });
    expect(request?.headers.authorization).toBe('Bearer eyJ.secret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      title: 'Uptime Kuma',
      message: '[Shop API] [🔴 Down] Request failed with status code 503',
      data: { name: 'Shop API', status: 0 },
    });
  });

  it('sends status 1 for an UP beat', async () => {
    await homeAssistantProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      title: 'Uptime Kuma',
      message: '[Shop API] [✅ Up] 200 - OK',
      data: { name: 'Shop API', status: 1 },
    });
  });

  it('sends an empty data object for a test, to the default "notify" service', async () => {
    await homeAssistantProvider.send(
      config({ notificationService: '' }),
      testMessage(),
      TEST_CONTEXT,
    );
    const request = service.requests.at(-1);
    expect(request?.url).toBe('/api/services/notify/notify');
    expect(request?.json).toEqual({
      title: 'Uptime Kuma',
      message: 'My Alert (1) Testing',
      data: {},
    });
  });

  it('leaves data out for persistent_notification', async () => {
    await homeAssistantProvider.send(
      config({ notificationService: 'persistent_notification' }),
      downEvent(),
      TEST_CONTEXT,
    );
    const request = service.requests.at(-1);
    expect(request?.url).toBe('/api/services/notify/persistent_notification');
    expect(request?.json).toEqual({
      title: 'Uptime Kuma',
      message: '[Shop API] [🔴 Down] Request failed with status code 503',
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 401, body: '401: Unauthorized' });
    await expect(homeAssistantProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 401 401: Unauthorized',
    );
    const refused = config({ homeAssistantUrl: REFUSED_URL });
    await expect(homeAssistantProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
