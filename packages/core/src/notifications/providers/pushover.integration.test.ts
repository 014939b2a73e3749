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
import { createPushoverProvider, pushoverProvider } from './pushover.js';

let service: FakeService;
let pushover: ReturnType<typeof createPushoverProvider>;
beforeAll(async () => {
  service = await startFakeService();
  pushover = createPushoverProvider(service.url);
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'pushover',
  pushoveruserkey: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG',
  pushoverapptoken: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi',
  ...overrides,
});

describe('pushover provider (docs/protocol/notification-providers.md#pushover)', () => {
  it('is registered under its Kuma type, talking to api.pushover.net', () => {
    expect(providerFor('pushover')).toBe(pushoverProvider);
  });

  it('posts a test to /1/messages.json with only the keys that are set', async () => {
    const result = await pushover.send(config(), testMessage(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/1/messages.json' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      message: 'My Alert (1) Testing',
      user: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG',
      token: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi',
      retry: '30',
      expire: '3600',
      html: 1,
    });
  });

  it('appends the local time to a DOWN beat and sends every optional key that is set', async () => {
    const full = config({
      pushoverdevice: 'phone',
      pushovertitle: 'Watchpost',
      pushoverpriority: '2',
      pushoversounds: 'siren',
      pushoverttl: 3600,
    });
    await pushover.send(full, downEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      message:
        '[Shop API] [🔴 Down] Request failed with status code 503\n' +
        '<b>Time (Europe/Berlin)</b>:2024-05-01 14:00:00',
      user: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG',
      token: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi',
      sound: 'siren',
      priority: '2',
      title: 'Watchpost',
      retry: '30',
      expire: '3600',
      html: 1,
      device: 'phone',
      ttl: 3600,
    });
  });

  it('appends the local time to an UP beat and leaves out an empty device and a 0 ttl', async () => {
    await pushover.send(config({ pushoverdevice: '', pushoverttl: 0 }), upEvent(), TEST_CONTEXT);
    const json = service.requests.at(-1)?.json as Record<string, unknown>;
    expect(json.message).toBe(
      '[Shop API] [✅ Up] 200 - OK\n<b>Time (Europe/Berlin)</b>:2024-05-01 14:05:00',
    );
    expect(json).not.toHaveProperty('device');
    expect(json).not.toHaveProperty('ttl');
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({
      status: 400,
      body: { user: 'invalid', errors: ['user identifier is invalid'], status: 0 },
    });
    await expect(pushover.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 400 {"user":"invalid","errors":["user identifier is invalid"],"status":0}',
    );
    await expect(
      createPushoverProvider(REFUSED_URL).send(config(), downEvent(), TEST_CONTEXT),
    ).rejects.toThrow(/^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/);
  });
});
