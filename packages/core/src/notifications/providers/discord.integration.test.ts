import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { discordProvider } from './discord.js';
import {
  downEvent,
  makeMonitorJSON,
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
  type: 'discord',
  discordWebhookUrl: `${service.url}/api/webhooks/123/tok`,
  ...overrides,
});

describe('discord provider (docs/protocol/notification-providers.md#discord)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('discord')).toBe(discordProvider);
  });

  it('posts a DOWN beat as a red embed with an ISO timestamp and the prefix message', async () => {
    const result = await discordProvider.send(
      config({ discordPrefixMessage: '@here', discordUsername: 'Kuma Bot' }),
      downEvent(),
      TEST_CONTEXT,
    );
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/api/webhooks/123/tok' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      username: 'Kuma Bot',
      embeds: [
        {
          title: '❌ Your service Shop API went down. ❌',
          color: 16711680,
          timestamp: '2024-05-01T12:00:00.000Z',
          fields: [
            { name: 'Service Name', value: 'Shop API' },
            { name: 'Service URL', value: 'https://shop.example/health' },
            { name: 'Time (Europe/Berlin)', value: '2024-05-01 14:00:00' },
            { name: 'Error', value: 'Request failed with status code 503' },
          ],
        },
      ],
      content: '@here',
    });
  });

  it('posts an UP beat as a green embed with the ping, without content', async () => {
    await discordProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      username: 'Uptime Kuma',
      embeds: [
        {
          title: '✅ Your service Shop API is up! ✅',
          color: 65280,
          timestamp: '2024-05-01T12:05:00.000Z',
          fields: [
            { name: 'Service Name', value: 'Shop API' },
            { name: 'Service URL', value: 'https://shop.example/health' },
            { name: 'Time (Europe/Berlin)', value: '2024-05-01 14:05:00' },
            { name: 'Ping', value: '123 ms' },
          ],
        },
      ],
    });
  });

  it('shows host:port for port monitors and "Heartbeat" for push monitors', async () => {
    const port = makeMonitorJSON({ type: 'port', url: null, hostname: 'db.internal', port: 5432 });
    await discordProvider.send(config(), downEvent(port), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({
      embeds: [{ fields: [{}, { name: 'Service URL', value: 'db.internal:5432' }, {}, {}] }],
    });
    await discordProvider.send(
      config(),
      downEvent(makeMonitorJSON({ type: 'push' })),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.json).toMatchObject({
      embeds: [{ fields: [{}, { name: 'Service Type', value: 'Heartbeat' }, {}, {}] }],
    });
  });

  it('sends a test as plain content without the prefix', async () => {
    await discordProvider.send(
      config({ discordPrefixMessage: '@here' }),
      testMessage(),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.json).toEqual({
      username: 'Uptime Kuma',
      content: 'My Alert (1) Testing',
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 400, body: { embeds: ['0'] } });
    await expect(discordProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 400 \{"embeds":\["0"\]\}$/,
    );
    const refused = config({ discordWebhookUrl: REFUSED_URL });
    await expect(discordProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
