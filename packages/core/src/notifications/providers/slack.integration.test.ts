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
import { slackProvider } from './slack.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'slack',
  slackwebhookURL: `${service.url}/services/T000/B000/XXXX`,
  slackchannel: '#alerts',
  slackusername: 'kuma',
  slackiconemo: ':robot_face:',
  ...overrides,
});

const header = { type: 'header', text: { type: 'plain_text', text: 'Uptime Kuma Alert' } };
const section = (msg: string, localDateTime: string) => ({
  type: 'section',
  fields: [
    { type: 'mrkdwn', text: `*Message*\n${msg}` },
    { type: 'mrkdwn', text: `*Time (Europe/Berlin)*\n${localDateTime}` },
  ],
});

describe('slack provider (docs/protocol/notification-providers.md#slack)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('slack')).toBe(slackProvider);
  });

  it('posts a DOWN beat as text plus a red Block Kit attachment', async () => {
    const result = await slackProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/services/T000/B000/XXXX' });
    expect(request?.headers['content-type']).toBe('application/json');
    const msg = '[Shop API] [🔴 Down] Request failed with status code 503';
    expect(request?.json).toEqual({
      text: `Uptime Kuma Alert\n${msg}`,
      channel: '#alerts',
      username: 'kuma',
      icon_emoji: ':robot_face:',
      attachments: [{ color: '#e01e5a', blocks: [header, section(msg, '2024-05-01 14:00:00')] }],
    });
  });

  it('adds the dashboard button when a base URL is set, and notifies the channel', async () => {
    const context = { ...TEST_CONTEXT, baseUrl: 'https://status.example' };
    await slackProvider.send(config({ slackchannelnotify: true }), upEvent(), context);
    const msg = '[Shop API] [✅ Up] 200 - OK <!channel>';
    expect(service.requests.at(-1)?.json).toEqual({
      text: `Uptime Kuma Alert\n${msg}`,
      channel: '#alerts',
      username: 'kuma',
      icon_emoji: ':robot_face:',
      attachments: [
        {
          color: '#2eb886',
          blocks: [
            header,
            section(msg, '2024-05-01 14:05:00'),
            {
              type: 'actions',
              elements: [
                {
                  type: 'button',
                  text: { type: 'plain_text', text: 'Visit Uptime Kuma' },
                  value: 'Uptime-Kuma',
                  url: 'https://status.example/dashboard/7',
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('uses the deprecated slackbutton as the base when the setting is empty', async () => {
    await slackProvider.send(
      config({ slackbutton: 'https://old.example/' }),
      upEvent(),
      TEST_CONTEXT,
    );
    const blocks = (service.requests.at(-1)?.json as { attachments: { blocks: unknown[] }[] })
      .attachments[0]?.blocks;
    expect(blocks?.[2]).toMatchObject({ elements: [{ url: 'https://old.example/dashboard/7' }] });
  });

  it('sends a test as plain text, leaving unset keys out', async () => {
    const bare = {
      type: 'slack',
      slackwebhookURL: `${service.url}/hook`,
      slackchannelnotify: true,
    };
    await slackProvider.send(bare, testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.body).toBe('{"text":"My Alert (1) Testing <!channel>"}');
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 404, body: 'no_team' });
    await expect(slackProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: AxiosError: Request failed with status code 404 no_team$/,
    );
    const refused = config({ slackwebhookURL: REFUSED_URL });
    await expect(slackProvider.send(refused, testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
