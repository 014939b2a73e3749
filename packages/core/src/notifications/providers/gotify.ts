import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

/** Gotify (docs/protocol/notification-providers.md#gotify): the same message shape for every event. */
export const gotifyProvider: NotificationProvider = {
  type: 'gotify',
  send: (config, { msg }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      const server = requireConfigText(config, 'gotifyserverurl');
      // Upstream strips exactly one trailing "/" and inserts the token unencoded.
      const base = server.endsWith('/') ? server.slice(0, -1) : server;
      const token = requireConfigText(config, 'gotifyapplicationToken');
      await sendRequest({
        url: `${base}/message?token=${token}`,
        body: {
          message: msg,
          // `|| 8` as upstream: a priority of 0 becomes 8 (docs/protocol/notification-providers.md#quirks-and-resolutions #8), kept for parity.
          priority: config.gotifyPriority || 8,
          title: 'Uptime-Kuma',
        },
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};
