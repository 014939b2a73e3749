import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { mattermostProvider } from './mattermost.js';
import {
  downEvent,
  makeHeartbeatJSON,
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
  type: 'mattermost',
  mattermostWebhookUrl: `${service.url}/hooks/xyz`,
  mattermostchannel: 'Ops-Alerts',
  mattermosticonemo: ':white_check_mark: :red_circle:',
  mattermosticonurl: 'https://icons.example/kuma.png',
  ...overrides,
});

describe('mattermost provider (docs/protocol/notification-providers.md#mattermost)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('mattermost')).toBe(mattermostProvider);
  });

  it('posts a DOWN beat with the down emoji, lower-cased channel and a red attachment', async () => {
    const result = await mattermostProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/xyz' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      username: 'Shop API Uptime Kuma',
      channel: 'ops-alerts',
      icon_emoji: ':red_circle:',
      icon_url: 'https://icons.example/kuma.png',
      attachments: [
        {
          fallback: 'Your Shop API service went down.',
          color: '#FF0000',
          title: 'Shop API service went down.',
          title_link: 'https://shop.example/health',
          fields: [
            { short: false, title: 'Error', value: 'Request failed with status code 503' },
            { short: true, title: 'Time (Europe/Berlin)', value: '2024-05-01 14:00:00' },
          ],
        },
      ],
    });
  });

  it('posts an UP beat with the up emoji and the ping', async () => {
    await mattermostProvider.send(
      config({
        mattermostusername: 'Watch',
        mattermostchannel: undefined,
        mattermosticonurl: undefined,
      }),
      upEvent(),
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.json).toEqual({
      username: 'Shop API Watch',
      icon_emoji: ':white_check_mark:',
      attachments: [
        {
          fallback: 'Your Shop API service went up!',
          color: '#32CD32',
          title: 'Shop API service went up!',
          title_link: 'https://shop.example/health',
          fields: [
            { short: false, title: 'Ping', value: '123ms' },
            { short: true, title: 'Time (Europe/Berlin)', value: '2024-05-01 14:05:00' },
          ],
        },
      ],
    });
  });

  it('uses a single emoji for both states and prints a missing ping as N/A', async () => {
    const monitor = makeMonitorJSON();
    const heartbeat = makeHeartbeatJSON({ status: 1, msg: 'OK', ping: null });
    await mattermostProvider.send(
      config({ mattermosticonemo: ':eyes:' }),
      { msg: '[Shop API] [✅ Up] OK', monitor, heartbeat },
      TEST_CONTEXT,
    );
    expect(service.requests.at(-1)?.json).toMatchObject({
      icon_emoji: ':eyes:',
      attachments: [{ fields: [{ title: 'Ping', value: 'N/A' }, {}] }],
    });
  });

  it('sends a test as plain text', async () => {
    await mattermostProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      username: 'Uptime Kuma',
      text: 'My Alert (1) Testing',
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 400, body: 'Unable to parse incoming data' });
    await expect(mattermostProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 400 Unable to parse incoming data$/,
    );
    const refused = config({ mattermostWebhookUrl: REFUSED_URL });
    await expect(mattermostProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
