import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;
const UP = 1;

/** Discord webhook (docs/protocol/notification-providers.md#discord): plain content for tests, one embed for a DOWN or UP beat. */
export const discordProvider: NotificationProvider = {
  type: 'discord',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const url = requireConfigText(config, 'discordWebhookUrl');
      const username = config.discordUsername || 'Uptime Kuma';
      if (heartbeat === null || monitor === null) {
        await sendRequest({ url, body: { username, content: msg }, timeoutMs, egress });
        return SENT_SUCCESSFULLY;
      }
      const isUp = heartbeat.status === UP;
      // Upstream sends nothing for any other status (only UP and DOWN reach providers) and
      // resolves without a text; the empty string is that answer within our contract.
      if (!isUp && heartbeat.status !== DOWN) return '';
      const name = String(monitor.name);
      const isPush = monitor.type === 'push';
      const embed = {
        title: isUp ? `✅ Your service ${name} is up! ✅` : `❌ Your service ${name} went down. ❌`,
        color: isUp ? 65280 : 16711680,
        timestamp: isoTimestamp(heartbeat.time),
        fields: [
          { name: 'Service Name', value: monitor.name },
          isPush
            ? { name: 'Service Type', value: 'Heartbeat' }
            : { name: 'Service URL', value: serviceAddress(monitor) },
          { name: `Time (${String(heartbeat.timezone)})`, value: heartbeat.localDateTime },
          isUp
            ? {
                name: 'Ping',
                value: heartbeat.ping == null ? 'N/A' : `${String(heartbeat.ping)} ms`,
              }
            : { name: 'Error', value: heartbeat.msg == null ? 'N/A' : heartbeat.msg },
        ],
      };
      const body = {
        username,
        embeds: [embed],
        content: config.discordPrefixMessage ? config.discordPrefixMessage : undefined,
      };
      await sendRequest({ url, body, timeoutMs, egress });
      return SENT_SUCCESSFULLY;
    }),
};

function serviceAddress(monitor: Record<string, unknown>): unknown {
  switch (monitor.type) {
    case 'ping':
      return monitor.hostname;
    case 'port':
    case 'dns':
    case 'gamedig':
    case 'steam':
      return monitor.port
        ? `${String(monitor.hostname)}:${String(monitor.port)}`
        : monitor.hostname;
    default:
      return monitor.url;
  }
}

/**
 * The beat's `time` is UTC `YYYY-MM-DD HH:mm:ss.SSS`; upstream passes it through, but Discord
 * documents ISO 8601 for `timestamp`, so the same instant is sent as `…T…Z` (docs/protocol/notification-providers.md#quirks-and-resolutions #11).
 */
function isoTimestamp(time: unknown): unknown {
  if (typeof time !== 'string') return time;
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(time);
  return match ? `${match[1]}T${match[2]}Z` : time;
}
