import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;

/** Mattermost incoming webhook (docs/protocol/notification-providers.md#mattermost): Slack-style attachment for beats. */
export const mattermostProvider: NotificationProvider = {
  type: 'mattermost',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const url = requireConfigText(config, 'mattermostWebhookUrl');
      const username = config.mattermostusername || 'Uptime Kuma';
      if (heartbeat === null || monitor === null) {
        await sendRequest({ url, body: { username, text: msg }, timeoutMs, egress });
        return SENT_SUCCESSFULLY;
      }
      const isDown = heartbeat.status === DOWN;
      const name = String(monitor.name);
      const went = isDown ? 'down.' : 'up!';
      const channel = config.mattermostchannel;
      const body = {
        username: `${name} ${String(username)}`,
        channel: typeof channel === 'string' ? channel.toLowerCase() : undefined,
        icon_emoji: iconEmoji(config.mattermosticonemo, isDown),
        icon_url: config.mattermosticonurl,
        attachments: [
          {
            fallback: `Your ${name} service went ${went}`,
            color: isDown ? '#FF0000' : '#32CD32',
            title: `${name} service went ${went}`,
            title_link: monitor.url,
            fields: [
              isDown
                ? { short: false, title: 'Error', value: heartbeat.msg }
                : { short: false, title: 'Ping', value: pingText(heartbeat.ping) },
              {
                short: true,
                title: `Time (${String(heartbeat.timezone)})`,
                value: heartbeat.localDateTime,
              },
            ],
          },
        ],
      };
      await sendRequest({ url, body, timeoutMs, egress });
      return SENT_SUCCESSFULLY;
    }),
};

/** `"<up> <down>"` picks one per state; any other value is used for both (docs/protocol/notification-providers.md#mattermost). */
function iconEmoji(setting: unknown, isDown: boolean): unknown {
  if (typeof setting !== 'string') return setting;
  const parts = setting.split(' ');
  const chosen = parts.length >= 2 ? parts[isDown ? 1 : 0] : undefined;
  return chosen || setting;
}

/** Upstream prints a missing ping as "nullms"; "N/A" says it, as discord does (docs/protocol/notification-providers.md#quirks-and-resolutions #6). */
function pingText(ping: unknown): string {
  return ping === null || ping === undefined ? 'N/A' : `${String(ping)}ms`;
}
