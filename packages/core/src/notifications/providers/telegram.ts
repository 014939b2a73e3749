import { ProviderHttpError, sendRequest } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const TELEGRAM_API = 'https://api.telegram.org';

/**
 * Telegram Bot API `sendMessage` (docs/protocol/notification-providers.md#telegram): a GET with everything in the query string,
 * the same for tests and beats. Upstream has no setting for the API host, so tests reach a
 * fake through `createTelegramProvider(url)`; the registered provider always uses Telegram.
 */
export function createTelegramProvider(apiBase: string = TELEGRAM_API): NotificationProvider {
  return {
    type: 'telegram',
    async send(config, { msg }, { timeoutMs, egress }) {
      try {
        const token = requireConfigText(config, 'telegramBotToken');
        const query = new URLSearchParams();
        // axios leaves out null and undefined params; the two switches always go (`?? false`).
        const chatId = config.telegramChatID;
        if (chatId !== undefined && chatId !== null) query.set('chat_id', String(chatId));
        query.set('text', msg);
        query.set('disable_notification', String(config.telegramSendSilently ?? false));
        query.set('protect_content', String(config.telegramProtectContent ?? false));
        if (config.telegramMessageThreadID) {
          query.set('message_thread_id', String(config.telegramMessageThreadID));
        }
        // The token is in the path: this URL is never logged.
        const url = `${apiBase}/bot${token}/sendMessage?${query.toString()}`;
        await sendRequest({ method: 'GET', url, timeoutMs, egress });
        return SENT_SUCCESSFULLY;
      } catch (error) {
        throw new Error(telegramErrorText(error), { cause: error });
      }
    },
  };
}

export const telegramProvider = createTelegramProvider();

/** Telegram's own `description` ("Bad Request: chat not found"), else the bare message (docs/protocol/notification-providers.md#error-texts). */
function telegramErrorText(error: unknown): string {
  if (error instanceof ProviderHttpError) {
    const { json } = error.response;
    if (typeof json === 'object' && json !== null && 'description' in json && json.description) {
      return String(json.description);
    }
  }
  return error instanceof Error ? error.message : String(error);
}
