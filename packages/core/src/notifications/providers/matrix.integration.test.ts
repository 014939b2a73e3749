import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeService, type FakeService } from '../fake-service.js';
import { providerFor } from '../registry.js';
import { matrixProvider } from './matrix.js';
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
  type: 'matrix',
  homeserverUrl: service.url,
  internalRoomId: '!abc:matrix.example',
  accessToken: 'syt_secret',
});

// 20 base64 characters with +, / and = URI-encoded, as upstream generates them.
const SEND_PATH =
  /^\/_matrix\/client\/r0\/rooms\/!abc%3Amatrix\.example\/send\/m\.room\.message\/((?:[A-Za-z0-9]|%2B|%2F|%3D){20})$/;

function lastTransactionId(): string | undefined {
  return SEND_PATH.exec(service.requests.at(-1)?.url ?? '')?.[1];
}

describe('matrix provider (docs/protocol/notification-providers.md#matrix)', () => {
  it('is registered under its Kuma type', () => {
    expect(providerFor('matrix')).toBe(matrixProvider);
  });

  it('PUTs an m.text event into the encoded room with a Bearer token', async () => {
    const result = await matrixProvider.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    const request = service.requests.at(-1);
    expect(request?.method).toBe('PUT');
    expect(request?.url).toMatch(SEND_PATH);
    expect(request?.headers.authorization).toBe('Bearer syt_secret');
    expect(request?.json).toEqual({
      msgtype: 'm.text',
      body: '[Shop API] [🔴 Down] Request failed with status code 503',
    });
  });

  it('sends the composed msg for UP beats and tests alike', async () => {
    await matrixProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      msgtype: 'm.text',
      body: '[Shop API] [✅ Up] 200 - OK',
    });
    await matrixProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(service.requests.at(-1)?.json).toEqual({
      msgtype: 'm.text',
      body: 'My Alert (1) Testing',
    });
  });

  it('reuses the transaction id when one beat is retried, so the homeserver de-duplicates it', async () => {
    const event = downEvent();
    await matrixProvider.send(config(), event, TEST_CONTEXT);
    const first = lastTransactionId();
    await matrixProvider.send(config(), event, TEST_CONTEXT);
    expect(lastTransactionId()).toBe(first);
    await matrixProvider.send(config(), upEvent(), TEST_CONTEXT);
    expect(lastTransactionId()).not.toBe(first);
  });

  it('draws a fresh transaction id for every test, so each one is shown', async () => {
    await matrixProvider.send(config(), testMessage(), TEST_CONTEXT);
    const first = lastTransactionId();
    await matrixProvider.send(config(), testMessage(), TEST_CONTEXT);
    expect(lastTransactionId()).toBeDefined();
    expect(lastTransactionId()).not.toBe(first);
  });

  it('reports a non-2xx answer and a refused connection in the general style', async () => {
    service.replyWith({ status: 403, body: { errcode: 'M_FORBIDDEN', error: 'Not in room' } });
    await expect(matrixProvider.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 403 {"errcode":"M_FORBIDDEN","error":"Not in room"}',
    );
    const refused = { ...config(), homeserverUrl: REFUSED_URL };
    await expect(matrixProvider.send(refused, downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Error: Error: connect ECONNREFUSED 127\.0\.0\.1:1 $/,
    );
  });
});
