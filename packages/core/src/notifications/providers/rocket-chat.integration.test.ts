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
import { rocketChatProvider } from './rocket-chat.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'rocket.chat',
  rocketwebhookURL: `${service.url}/hooks/abc/xyz`,
  rocketchannel: '#ops',
  rocketusername: 'kuma',
  rocketiconemo: ':ghost:',
  ...overrides,
});

describe('rocket.chat provider (docs/protocol/notification-providers.md#rocketchat)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('rocket.chat')).toBe(rocketChatProvider);
  });

  it('posts a DOWN beat with one red attachment', async () => {
    const result = await rocketChatProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/abc/xyz' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      text: 'Uptime Kuma Alert',
      channel: '#ops',
      username: 'kuma',
      icon_emoji: ':ghost:',
      attachments: [
        {
          title: 'Uptime Kuma Alert *Time (Europe/Berlin)*\n2024-05-01 14:00:00',
          text: '*Message*\n[Shop API] [🔴 Down] Request failed with status code 503',
          color: '#ff0000',
        },
      ],
    });
  });

  it('posts an UP beat in green, linked to the dashboard when a base URL is set', async () => {
    const context = { ...TEST_CONTEXT, baseUrl: 'https://status.example' };
    await rocketChatProvider.send(config(), upEvent(), context);
    expect(service.requests.at(-1)?.json).toMatchObject({
      attachments: [
        {
          text: '*Message*\n[Shop API] [✅ Up] 200 - OK',
          color: '#32cd32',
          title_link: 'https://status.example/dashboard/7',
        },
      ],
    });
  });

  it('sends a test as plain text, leaving unset keys out', async () => {
    await rocketChatProvider.send(
      { type: 'rocket.chat', rocketwebhookURL: `${service.url}/hooks/abc/xyz` },
      testMessage(),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.body).toBe('{"text":"My Alert (1) Testing"}');
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 400, body: { success: false, error: 'invalid-channel' } });
    await expect(rocketChatProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 400 \{"success":false,"error":"invalid-channel"\}$/,
    );
    const refused = config({ rocketwebhookURL: REFUSED_URL });
    await expect(rocketChatProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
