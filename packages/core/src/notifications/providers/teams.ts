import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;
const UP = 1;
const KUMA_ICON = 'https://raw.githubusercontent.com/louislam/uptime-kuma/master/public/icon.png';

/** Microsoft Teams incoming webhook, legacy MessageCard format (docs/protocol/notification-providers.md#teams). */
export const teamsProvider: NotificationProvider = {
  type: 'teams',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const card =
        heartbeat === null || monitor === null
          ? messageCard({ description: msg })
          : messageCard({
              status: heartbeat.status,
              description: heartbeat.msg,
              monitorName: monitor.name,
              address: monitorAddress(monitor),
            });
      // The webhook URL is the credential; it is never logged.
      await sendRequest({
        url: requireConfigText(config, 'webhookUrl'),
        body: card,
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};

interface CardInput {
  status?: unknown;
  description: unknown;
  monitorName?: unknown;
  address?: unknown;
}

function messageCard({ status, description, monitorName, address }: CardInput) {
  const headline =
    status === DOWN
      ? `🔴 Application [${String(monitorName)}] went down`
      : status === UP
        ? `✅ Application [${String(monitorName)}] is back online`
        : 'Notification';
  const facts: { name: string; value: unknown }[] = [];
  if (monitorName) facts.push({ name: 'Monitor', value: monitorName });
  if (address && address !== 'https://') facts.push({ name: 'URL', value: address });
  return {
    '@context': 'https://schema.org/extensions',
    '@type': 'MessageCard',
    themeColor: status === DOWN ? 'ff0000' : status === UP ? '00e804' : '008cff',
    summary: headline,
    sections: [
      { activityImage: KUMA_ICON, activityTitle: '**Uptime Kuma**' },
      { activityTitle: headline },
      { activityTitle: '**Description**', text: description, facts },
    ],
  };
}

/**
 * Upstream meant `keyword` to show its URL but misspelled the type, so keyword monitors got
 * their (empty) hostname and no URL fact. The URL is what the reader needs, so keyword and
 * json-query use it here (docs/protocol/notification-providers.md#quirks-and-resolutions #5). `docker` shows the docker host id, as upstream.
 */
function monitorAddress(monitor: Record<string, unknown>): unknown {
  switch (monitor.type) {
    case 'http':
    case 'keyword':
    case 'json-query':
      return monitor.url;
    case 'docker':
      return monitor.docker_host;
    default:
      return monitor.hostname;
  }
}
