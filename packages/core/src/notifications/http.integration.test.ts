import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOW_PRIVATE } from '../egress/egress-policy.js';
import { startFakeService, type FakeService } from './fake-service.js';
import { generalErrorText, sendRequest, withGeneralErrors } from './http.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(async () => service?.close());

describe('sendRequest', () => {
  it('sends an object as JSON without its undefined keys, with axios’ Accept header', async () => {
    await sendRequest({
      url: `${service.url}/hook`,
      body: { a: 1, b: null, c: undefined },
      timeoutMs: 5000,
      egress: ALLOW_PRIVATE,
    });
    const [request] = service.requests.slice(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/hook', body: '{"a":1,"b":null}' });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json, text/plain, */*');
  });

  it('sends a string form-encoded unless a header says otherwise', async () => {
    await sendRequest({ url: service.url, body: 'x=1', timeoutMs: 5000, egress: ALLOW_PRIVATE });
    expect(service.requests.at(-1)?.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    await sendRequest({
      url: service.url,
      body: 'hi',
      headers: { 'Content-Type': 'text/plain' },
      timeoutMs: 5000,
      egress: ALLOW_PRIVATE,
    });
    expect(service.requests.at(-1)?.headers['content-type']).toBe('text/plain');
    await sendRequest({
      url: service.url,
      body: 'hi',
      headers: { 'content-type': 'text/csv' },
      timeoutMs: 5000,
      egress: ALLOW_PRIVATE,
    });
    expect(service.requests.at(-1)?.headers['content-type']).toBe('text/csv');
  });
});

describe('general error texts (docs/protocol/notification-providers.md#error-texts)', () => {
  it('words a JSON error answer as upstream: status, then the compact body', async () => {
    service.replyWith({ status: 400, body: { error: 'bad thing' } });
    await expect(
      withGeneralErrors(() =>
        sendRequest({ url: service.url, body: {}, timeoutMs: 5000, egress: ALLOW_PRIVATE }),
      ),
    ).rejects.toThrow(
      'Error: AxiosError: Request failed with status code 400 {"error":"bad thing"}',
    );
  });

  it('words a text error answer and a refused connection as upstream', async () => {
    service.replyWith({ status: 500, body: 'oops text' });
    const failed = await sendRequest({
      url: service.url,
      timeoutMs: 5000,
      egress: ALLOW_PRIVATE,
    }).catch((e: unknown) => e);
    expect(generalErrorText(failed)).toBe(
      'Error: AxiosError: Request failed with status code 500 oops text',
    );
    const refused = await sendRequest({
      url: 'http://127.0.0.1:1/',
      timeoutMs: 5000,
      egress: ALLOW_PRIVATE,
    }).catch((e: unknown) => e);
    expect(generalErrorText(refused)).toBe('Error: Error: connect ECONNREFUSED 127.0.0.1:1 ');
  });
});
