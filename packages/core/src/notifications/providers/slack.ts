import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { dashboardLink } from './dashboard-link.js';
import { isUpBeat, requireConfigText } from './provider-fields.js';

const ALERT_TITLE = 'Uptime Kuma Alert';

/** Slack incoming webhook (docs/protocol/notification-providers.md#slack): plain text for tests, Block Kit attachment for beats. */
export const slackProvider: NotificationProvider = {
  type: 'slack',
  send: (config, { msg, monitor, heartbeat }, { baseUrl, timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const text = config.slackchannelnotify ? `${msg} <!channel>` : msg;
      // Unset keys stay undefined and so are left out of the JSON, as upstream's are.
      const identity = {
        channel: config.slackchannel,
        username: config.slackusername,
        icon_emoji: config.slackiconemo,
      };
      const body =
        heartbeat === null
          ? { text, ...identity }
          : {
              text: `${ALERT_TITLE}\n${text}`,
              ...identity,
              attachments: [
                {
                  color: isUpBeat(heartbeat) ? '#2eb886' : '#e01e5a',
                  blocks: alertBlocks(text, heartbeat, dashboardLink(config, baseUrl, monitor)),
                },
              ],
            };
      // The webhook URL is the credential; it is never logged.
      await sendRequest({
        url: requireConfigText(config, 'slackwebhookURL'),
        body,
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};

function alertBlocks(text: string, heartbeat: Record<string, unknown>, link: string | null) {
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: ALERT_TITLE } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Message*\n${text}` },
        {
          type: 'mrkdwn',
          text: `*Time (${String(heartbeat.timezone)})*\n${String(heartbeat.localDateTime)}`,
        },
      ],
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Visit Uptime Kuma' },
          value: 'Uptime-Kuma',
          url: link,
        },
      ],
    });
  }
  return blocks;
}
