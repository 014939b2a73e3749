import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { dashboardLink } from './dashboard-link.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;

/** Rocket.Chat incoming webhook (docs/protocol/notification-providers.md#rocketchat): plain text for tests, one attachment for beats. */
export const rocketChatProvider: NotificationProvider = {
  type: 'rocket.chat',
  send: (config, { msg, monitor, heartbeat }, { baseUrl, timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      // Unset keys stay undefined and so are left out of the JSON, as upstream's are.
      const identity = {
        channel: config.rocketchannel,
        username: config.rocketusername,
        icon_emoji: config.rocketiconemo,
      };
      const body =
        heartbeat === null
          ? { text: msg, ...identity }
          : {
              text: 'Uptime Kuma Alert',
              ...identity,
              attachments: [
                {
                  title: `Uptime Kuma Alert *Time (${String(heartbeat.timezone)})*\n${String(heartbeat.localDateTime)}`,
                  text: `*Message*\n${msg}`,
                  color: heartbeat.status === DOWN ? '#ff0000' : '#32cd32',
                  title_link: dashboardLink(config, baseUrl, monitor, 'rocketbutton') ?? undefined,
                },
              ],
            };
      // The webhook URL carries the integration token; it is never logged.
      await sendRequest({
        url: requireConfigText(config, 'rocketwebhookURL'),
        body,
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};
