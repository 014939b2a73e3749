import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { createOpsgenieProvider, opsgenieProvider } from './opsgenie.js';
import {
  downEvent,
  makeMonitorJSON,
  REFUSED_URL,
  TEST_CONTEXT,
  testMessage,
  upEvent,
} from './provider-test-events.js';

let service: FakeService;
let opsgenie: ReturnType<typeof createOpsgenieProvider>;
beforeAll(async () => {
  service = await startFakeService();
  // One fake stands in for both instances; the path prefix shows which one was called.
  opsgenie = createOpsgenieProvider({ us: `${service.url}/us`, eu: `${service.url}/eu` });
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'Opsgenie',
  opsgenieRegion: 'us',
  opsgenieApiKey: 'eb243592-faa2-4ba2-a551q-1afdf565c889',
  opsgeniePriority: 2,
  ...overrides,
});

const ACCEPTED = {
  status: 202,
  body: { result: 'Request will be processed', took: 0.3, requestId: '43a29c5c' },
};

describe('Opsgenie provider (docs/protocol/notification-providers.md#opsgenie)', () => {
  it('is registered under its Kuma type, talking to api.opsgenie.com', () => {
    expect(providerFor('Opsgenie')).toBe(opsgenieProvider);
  });

  it('opens an alert aliased by the monitor name for a DOWN beat, with the GenieKey', async () => {
    service.replyWith(ACCEPTED);
    const result = await opsgenie.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/us/v2/alerts' });
    expect(request?.headers.authorization).toBe('GenieKey eb243592-faa2-4ba2-a551q-1afdf565c889');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      message: 'Uptime Kuma Alert: Shop API',
      alias: 'Shop API',
      description: '[Shop API] [🔴 Down] Request failed with status code 503',
      source: 'Uptime Kuma',
      priority: 'P2',
    });
  });

  it('closes the alert by its encoded alias for an UP beat', async () => {
    service.replyWith(ACCEPTED);
    const monitor = makeMonitorJSON({ name: 'Shop API / EU' });
    await opsgenie.send(config(), upEvent(monitor), TEST_CONTEXT);
    const request = service.requests.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      url: '/us/v2/alerts/Shop%20API%20%2F%20EU/close?identifierType=alias',
    });
    expect(request?.headers.authorization).toBe('GenieKey eb243592-faa2-4ba2-a551q-1afdf565c889');
    expect(request?.json).toEqual({ source: 'Uptime Kuma' });
  });

  it('sends a test with the fixed test alias at P5 to the EU instance when chosen', async () => {
    await opsgenie.send(config({ opsgenieRegion: 'eu' }), testMessage(), TEST_CONTEXT);
    const request = service.requests.at(-1);
    expect(request?.url).toBe('/eu/v2/alerts');
    expect(request?.json).toEqual({
      message: 'My Alert (1) Testing',
      alias: 'uptime-kuma-notification-test',
      source: 'Uptime Kuma',
      priority: 'P5',
    });
  });

  it('uses the US instance and P3 when region and priority are missing', async () => {
    await opsgenie.send(
      config({ opsgenieRegion: undefined, opsgeniePriority: undefined }),
      downEvent(),
      TEST_CONTEXT,
    );
    const request = service.requests.at(-1);
    expect(request?.url).toBe('/us/v2/alerts');
    expect(request?.json).toMatchObject({ priority: 'P3' });
  });

  it('reports a non-2xx answer and a refused connection raw, without prefix or body', async () => {
    service.replyWith({ status: 422, body: { message: 'Request body is not processable' } });
    await expect(opsgenie.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Request failed with status code 422$/,
    );
    const refused = createOpsgenieProvider({ us: REFUSED_URL, eu: REFUSED_URL });
    await expect(refused.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^connect ECONNREFUSED 127\.0\.0\.1:1$/,
    );
  });
});
