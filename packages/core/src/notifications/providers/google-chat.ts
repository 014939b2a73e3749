import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { isUpBeat, requireConfigText } from './provider-fields.js';

/** Google Chat incoming webhook (docs/protocol/notification-providers.md#google-chat): one plain `{text}` message. */
export const googleChatProvider: NotificationProvider = {
  type: 'GoogleChat',
  send: (config, { msg, monitor, heartbeat }, { baseUrl, timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const lines: string[] = [];
      if (heartbeat) {
        lines.push(
          isUpBeat(heartbeat) ? '✅ Application is back online' : '🔴 Application went down',
        );
      }
      if (monitor?.name) lines.push(`*${String(monitor.name)}*`);
      lines.push(msg);
      if (baseUrl && monitor) lines.push(`${baseUrl}/dashboard/${String(monitor.id)}`);
      await sendRequest({
        // The webhook URL carries the space's key and token; it is never logged.
        url: requireConfigText(config, 'googleChatWebhookURL'),
        body: { text: lines.join('\n') },
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};
