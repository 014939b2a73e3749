import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';

const PUSHOVER_API = 'https://api.pushover.net';

/**
 * Pushover message API (docs/protocol/notification-providers.md#pushover). `apiBase` exists so tests can point it at a local fake;
 * the registered instance always talks to api.pushover.net.
 */
export function createPushoverProvider(apiBase = PUSHOVER_API): NotificationProvider {
  return {
    type: 'pushover',
    send: (config, { msg, heartbeat }, { timeoutMs, egress }) =>
      withGeneralErrors(async () => {
        const message = heartbeat
          ? `${msg}\n<b>Time (${String(heartbeat.timezone)})</b>:${String(heartbeat.localDateTime)}`
          : msg;
        // Unset optional keys are undefined and drop out of the JSON, as with axios.
        const body: Record<string, unknown> = {
          message,
          user: config.pushoveruserkey,
          token: config.pushoverapptoken,
          sound: config.pushoversounds,
          priority: config.pushoverpriority,
          title: config.pushovertitle,
          // Only used by priority 2 (emergency), but upstream always sends them, as strings.
          retry: '30',
          expire: '3600',
          html: 1,
        };
        if (config.pushoverdevice) body.device = config.pushoverdevice;
        if (config.pushoverttl) body.ttl = config.pushoverttl;
        await sendRequest({ url: `${apiBase}/1/messages.json`, body, timeoutMs, egress });
        return SENT_SUCCESSFULLY;
      }),
  };
}

export const pushoverProvider = createPushoverProvider();
