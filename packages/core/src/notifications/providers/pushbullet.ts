import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { isUpBeat, requireConfigText } from './provider-fields.js';

const PUSHBULLET_API = 'https://api.pushbullet.com';

/**
 * Pushbullet pushes API (docs/protocol/notification-providers.md#pushbullet): a `note` push. `apiBase` exists so tests can point it
 * at a local fake; the registered instance always talks to api.pushbullet.com.
 */
export function createPushbulletProvider(apiBase = PUSHBULLET_API): NotificationProvider {
  return {
    type: 'pushbullet',
    send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
      withGeneralErrors(async () => {
        // Events show the beat's own message, not the composed `msg` (docs/protocol/notification-providers.md#pushbullet).
        const note = heartbeat
          ? {
              type: 'note',
              // "UptimeKuma" without a space, as upstream.
              title: `UptimeKuma Alert: ${String(monitor?.name)}`,
              body:
                `${isUpBeat(heartbeat) ? '[✅ Up]' : '[🔴 Down]'} ${String(heartbeat.msg)}\n` +
                `Time (${String(heartbeat.timezone)}): ${String(heartbeat.localDateTime)}`,
            }
          : { type: 'note', title: 'Uptime Kuma Alert', body: msg };
        await sendRequest({
          url: `${apiBase}/v2/pushes`,
          headers: {
            'Access-Token': requireConfigText(config, 'pushbulletAccessToken'),
            'Content-Type': 'application/json',
          },
          body: note,
          timeoutMs,
          egress,
        });
        return SENT_SUCCESSFULLY;
      }),
  };
}

export const pushbulletProvider = createPushbulletProvider();
