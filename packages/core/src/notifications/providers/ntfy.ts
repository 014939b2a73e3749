import { sendRequest, withGeneralErrors } from '../http.js';
import {
  SENT_SUCCESSFULLY,
  type NotificationConfig,
  type NotificationProvider,
} from '../provider.js';
import { requireConfigText } from './provider-fields.js';

const DOWN = 0;
const UP = 1;

/**
 * ntfy's publish-as-JSON form (docs/protocol/notification-providers.md#ntfy): POST to the server URL itself, the topic in the
 * body. Tests point `ntfyserverurl` at a fake, as users point it at their own server.
 */
export const ntfyProvider: NotificationProvider = {
  type: 'ntfy',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const url = requireConfigText(config, 'ntfyserverurl');
      const headers = authHeaders(config);
      const priority = parsePriority(config.ntfyPriority);
      if (heartbeat === null || monitor === null) {
        const body = {
          topic: config.ntfytopic,
          title: `${String(monitor?.name || config.ntfytopic)} [Uptime-Kuma]`,
          message: msg,
          priority,
          tags: ['test_tube'],
        };
        await sendRequest({ url, body, headers, timeoutMs, egress });
        return SENT_SUCCESSFULLY;
      }
      const base = priority ?? 4;
      const status =
        heartbeat.status === DOWN ? 'Down' : heartbeat.status === UP ? 'Up' : 'unknown';
      const name = String(monitor.name);
      const body = {
        topic: config.ntfytopic,
        // The beat's own message: the title already names the monitor and its state.
        message: heartbeat.msg,
        priority: status === 'Down' ? Math.min(base + 1, 5) : base,
        title: `${name} ${status} [Uptime-Kuma]`,
        tags: status === 'Down' ? ['red_circle'] : status === 'Up' ? ['green_circle'] : [],
        actions: [{ action: 'view', label: `Open ${name}`, url: monitor.url }],
        icon: config.ntfyIcon ? config.ntfyIcon : undefined,
      };
      await sendRequest({ url, body, headers, timeoutMs, egress });
      return SENT_SUCCESSFULLY;
    }),
};

function authHeaders(config: NotificationConfig): Record<string, string> {
  switch (config.ntfyAuthenticationMethod) {
    case 'usernamePassword': {
      const pair = `${String(config.ntfyusername)}:${String(config.ntfypassword)}`;
      return { Authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
    }
    case 'accessToken':
      return { Authorization: `Bearer ${String(config.ntfyaccesstoken)}` };
    default:
      return {};
  }
}

/**
 * Upstream adds 1 to whatever it finds, so a scripted "3" became "31" (docs/protocol/notification-providers.md#quirks-and-resolutions #7). The priority
 * is read as an integer 1–5 instead; unset or 0 means none (ntfy's default, or 4 for beats).
 */
function parsePriority(value: unknown): number | undefined {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && n !== 0 ? Math.min(Math.max(n, 1), 5) : undefined;
}
