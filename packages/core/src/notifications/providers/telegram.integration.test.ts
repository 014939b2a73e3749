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
import { createTelegramProvider, telegramProvider } from './telegram.js';

let service: FakeService;
let telegram: ReturnType<typeof createTelegramProvider>;
beforeAll(async () => {
  service = await startFakeService();
  telegram = createTelegramProvider(service.url);
});
afterAll(async () => service?.close());

const config = (overrides: Record<string, unknown> = {}) => ({
  type: 'telegram',
  telegramBotToken: '123456:ABC-def',
  telegramChatID: '-1001234',
  ...overrides,
});

/** The request's path and its query as a plain object. */
function lastCall() {
  const url = new URL(service.requests.at(-1)?.url ?? '', service.url);
  return {
    method: service.requests.at(-1)?.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: service.requests.at(-1)?.body,
  };
}

describe('telegram provider (docs/protocol/notification-providers.md#telegram)', () => {
  it('is registered under its Kuma type, pointing at api.telegram.org', () => {
    expect(providerFor('telegram')).toBe(telegramProvider);
  });

  it('sends a DOWN beat as a GET to sendMessage with everything in the query', async () => {
    const result = await telegram.send(config(), downEvent(), TEST_CONTEXT);
    expect(result).toBe('Sent Successfully.');
    expect(lastCall()).toEqual({
      method: 'GET',
      path: '/bot123456:ABC-def/sendMessage',
      query: {
        chat_id: '-1001234',
        text: '[Shop API] [🔴 Down] Request failed with status code 503',
        disable_notification: 'false',
        protect_content: 'false',
      },
      body: '',
    });
  });

  it('sends UP beats and tests alike, with the switches and the forum topic', async () => {
    const switches = {
      telegramSendSilently: true,
      telegramProtectContent: true,
      telegramMessageThreadID: '42',
    };
    await telegram.send(config(switches), upEvent(), TEST_CONTEXT);
    expect(lastCall().query).toEqual({
      chat_id: '-1001234',
      text: '[Shop API] [✅ Up] 200 - OK',
      disable_notification: 'true',
      protect_content: 'true',
      message_thread_id: '42',
    });
    await telegram.send(config(), testMessage(), TEST_CONTEXT);
    expect(lastCall().query).toMatchObject({ text: 'My Alert (1) Testing' });
  });

  it("answers with Telegram's description, else the bare error message", async () => {
    service.replyWith({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found' },
    });
    await expect(telegram.send(config(), testMessage(), TEST_CONTEXT)).rejects.toThrow(
      /^Not Found$/,
    );
    service.replyWith({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    await expect(telegram.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Bad Request: chat not found$/,
    );
    service.replyWith({ status: 502, body: 'Bad Gateway' });
    await expect(telegram.send(config(), downEvent(), TEST_CONTEXT)).rejects.toThrow(
      /^Request failed with status code 502$/,
    );
    await expect(
      createTelegramProvider(REFUSED_URL).send(config(), downEvent(), TEST_CONTEXT),
    ).rejects.toThrow(/^connect ECONNREFUSED 127\.0\.0\.1:1$/);
  });
});
