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
import { signalProvider } from './signal.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'signal',
  signalURL: `${service.url}/v2/send`,
  signalNumber: '+100',
  signalRecipients: '+200, +300 ,group.abc',
  ...overrides,
});

const RECIPIENTS = ['+200', '+300', 'group.abc'];

describe('signal provider (docs/protocol/notification-providers.md#signal)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('signal')).toBe(signalProvider);
  });

  it('posts a DOWN beat to the send endpoint with whitespace-free recipients and no auth', async () => {
    const result = await signalProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/v2/send' });
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({
      message: '[Shop API] [🔴 Down] Request failed with status code 503',
      number: '+100',
      recipients: RECIPIENTS,
    });
  });

  it('sends UP beats and tests in the same shape', async () => {
    await signalProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      message: '[Shop API] [✅ Up] 200 - OK',
      number: '+100',
      recipients: RECIPIENTS,
    });
    await signalProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      message: 'My Alert (1) Testing',
      number: '+100',
      recipients: RECIPIENTS,
    });
  });

  it('reports a non-2xx answer, a refused connection and missing recipients in the general style', async () => {
    service.replyWith({ status: 400, body: { error: 'Invalid recipient' } });
    await expect(signalProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 400 {"error":"Invalid recipient"}',
    );
    const refused = config({ signalURL: `${REFUSED_URL}/v2/send` });
    await expect(signalProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
    const before = service.requests.length;
    await expect(
      signalProvider.send(config({ signalRecipients: undefined }), testMessage(), TEST_CONTEXT),
    ).rejects.toThrow('Error: Error: Notification setting "signalRecipients" is missing ');
    expect(service.requests).toHaveLength(before);
  });
});
