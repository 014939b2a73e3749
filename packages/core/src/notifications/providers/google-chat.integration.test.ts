import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { googleChatProvider } from './google-chat.js';
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

const config = () => ({
  type: 'GoogleChat',
  googleChatWebhookURL: `${service.url}/v1/spaces/AAAA/messages?key=k&token=t`,
});

describe('GoogleChat provider (docs/protocol/notification-providers.md#google-chat)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('GoogleChat')).toBe(googleChatProvider);
  });

  it('posts a test as just its text to the webhook URL, query included', async () => {
    const result = await googleChatProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      url: '/v1/spaces/AAAA/messages?key=k&token=t',
    });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({ text: 'My Alert (1) Testing' });
  });

  it('heads a DOWN beat with "went down" and the bold monitor name', async () => {
    await googleChatProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      text:
        '🔴 Application went down\n*Shop API*\n' +
        '[Shop API] [🔴 Down] Request failed with status code 503',
    });
  });

  it('heads an UP beat with "back online" and links the dashboard when a base URL is set', async () => {
    const context = { ...TEST_CONTEXT, baseUrl: 'https://status.example' };
    await googleChatProvider.send(config(), upEvent(), context);
    expect(service.requests.at(-1)?.json).toEqual({
      text:
        '✅ Application is back online\n*Shop API*\n[Shop API] [✅ Up] 200 - OK\n' +
        'https://status.example/dashboard/7',
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 400, body: { error: { code: 400, message: 'Invalid JSON' } } });
    await expect(googleChatProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 400 {"error":{"code":400,"message":"Invalid JSON"}}',
    );
    const refused = { ...config(), googleChatWebhookURL: `${REFUSED_URL}/hook` };
    await expect(googleChatProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
