import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

/** Home Assistant REST API (docs/protocol/notification-providers.md#home-assistant): calls a `notify` service. */
export const homeAssistantProvider: NotificationProvider = {
  type: 'HomeAssistant',
  send: (config, { msg, monitor, heartbeat }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      // Unlike gotify, every trailing "/" goes, after trimming.
      const base = requireConfigText(config, 'homeAssistantUrl').trim().replace(/\/+$/, '');
      const service = String(config.notificationService || 'notify');
      const token = requireConfigText(config, 'longLivedAccessToken');
      await sendRequest({
        url: `${base}/api/services/notify/${service}`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: {
          title: 'Uptime Kuma',
          message: msg,
          // Automations on `call_service` read data.name and data.status (0 down, 1 up); a
          // test leaves both undefined, so `data` is sent as {}. Upstream sends no `data`
          // at all to persistent_notification; kept so its calls look the same.
          ...(service !== 'persistent_notification' && {
            data: { name: monitor?.name, status: heartbeat?.status },
          }),
        },
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};
