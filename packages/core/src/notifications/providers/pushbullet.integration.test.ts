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
import { createPushbulletProvider, pushbulletProvider } from './pushbullet.js';

let service: FakeService;
let pushbullet: ReturnType<typeof createPushbulletProvider>;
beforeAll(async () => {
  service = await startFakeService();
  pushbullet = createPushbulletProvider(service.url);
});
afterAll(async () => service?.close());

const config = { type: 'pushbullet', pushbulletAccessToken: 'o.secret' };

describe('pushbullet provider (docs/protocol/notification-providers.md#pushbullet)', () => {
  it('is registered under its Kuma type, talking to api.pushbullet.com', () => {
    expect(providerFor('pushbullet')).toBe(pushbulletProvider);
  });

  it('posts a test as a note to /v2/pushes with the Access-Token header', async () => {
    const result = await pushbullet.send(config, testMessage(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/v2/pushes' });
    expect(request?.headers['access-token']).toBe('o.secret');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      type: 'note',
      title: 'Uptime Kuma Alert',
      body: 'My Alert (1) Testing',
    });
  });

  it('titles a DOWN beat with the monitor name and shows the beat message with local time', async () => {
    await pushbullet.send(config, downEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      type: 'note',
      title: 'UptimeKuma Alert: Shop API',
      body:
        '[🔴 Down] Request failed with status code 503\n' +
        'Time (Europe/Berlin): 2024-05-01 14:00:00',
    });
  });

  it('marks an UP beat as up', async () => {
    await pushbullet.send(config, upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      type: 'note',
      title: 'UptimeKuma Alert: Shop API',
      body: '[✅ Up] 200 - OK\nTime (Europe/Berlin): 2024-05-01 14:05:00',
    });
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({
      status: 401,
      body: {
        error: { code: 'invalid_access_token', message: 'Access token is missing or invalid.' },
      },
    });
    await expect(pushbullet.send(config, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 401 {"error":{"code":"invalid_access_token","message":"Access token is missing or invalid."}}',
    );
    await expect(
      createPushbulletProvider(REFUSED_URL).send(config, downEvent(), TEST_CONTEXT),
    ).rejects.toThrow(/^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/);
  });
});
