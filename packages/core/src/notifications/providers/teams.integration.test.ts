import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import {
  downEvent,
  makeMonitorJSON,
  REFUSED_URL,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';
import { teamsProvider } from './teams.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'teams',
  webhookUrl: `${service.url}/webhookb2/abc/IncomingWebhook/def`,
  ...overrides,
});

const card = (themeColor: string, headline: string, text: string, facts: object[]) => ({
  '@context': 'https://schema.org/extensions',
  '@type': 'MessageCard',
  themeColor,
  summary: headline,
  sections: [
    {
      activityImage:
        'https://raw.githubusercontent.com/louislam/uptime-kuma/master/public/icon.png',
      activityTitle: '**Uptime Kuma**',
    },
    { activityTitle: headline },
    { activityTitle: '**Description**', text, facts },
  ],
});

describe('teams provider (docs/protocol/notification-providers.md#teams)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('teams')).toBe(teamsProvider);
  });

  it('posts a DOWN beat as a red MessageCard with monitor and URL facts', async () => {
    const result = await teamsProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/webhookb2/abc/IncomingWebhook/def' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual(
      card('ff0000', '🔴 Application [Shop API] went down', 'Request failed with status code 503', [
        { name: 'Monitor', value: 'Shop API' },
        { name: 'URL', value: 'https://shop.example/health' },
      ]),
    );
  });

  it('posts an UP beat in green; ping monitors show their hostname', async () => {
    const ping = makeMonitorJSON({ type: 'ping', url: 'https://', hostname: 'edge-1.example' });
    await teamsProvider.send(config(), upEvent(ping), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual(
      card('00e804', '✅ Application [Shop API] is back online', '200 - OK', [
        { name: 'Monitor', value: 'Shop API' },
        { name: 'URL', value: 'edge-1.example' },
      ]),
    );
  });

  it('shows the URL of keyword monitors and leaves out an empty "https://" address', async () => {
    const keyword = makeMonitorJSON({ type: 'keyword', url: 'https://shop.example/' });
    await teamsProvider.send(config(), downEvent(keyword), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({
      sections: [{}, {}, { facts: [{}, { name: 'URL', value: 'https://shop.example/' }] }],
    });
    const unset = makeMonitorJSON({ url: 'https://' });
    await teamsProvider.send(config(), downEvent(unset), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toMatchObject({
      sections: [{}, {}, { facts: [{ name: 'Monitor', value: 'Shop API' }] }],
    });
  });

  it('sends a test as a blue "Notification" card without facts', async () => {
    await teamsProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual(
      card('008cff', 'Notification', 'My Alert (1) Testing', []),
    );
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 400, body: 'Summary or Text is required.' });
    await expect(teamsProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 400 Summary or Text is required\.$/,
    );
    const refused = config({ webhookUrl: REFUSED_URL });
    await expect(teamsProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
