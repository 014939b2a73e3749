import { sendRequest, withGeneralErrors } from '../http.js';
import { SENT_SUCCESSFULLY, type NotificationProvider } from '../provider.js';
import { requireConfigText } from './provider-fields.js';

/** signal-cli-rest-api (docs/protocol/notification-providers.md#signal): the same unauthenticated request for every event. */
export const signalProvider: NotificationProvider = {
  type: 'signal',
  send: (config, { msg }, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      // "+200, +300 ,group.abc" → ["+200","+300","group.abc"]: all whitespace goes first.
      const recipients = requireConfigText(config, 'signalRecipients')
        .replace(/\s/g, '')
        .split(',');
      await sendRequest({
        url: requireConfigText(config, 'signalURL'),
        body: { message: msg, number: config.signalNumber, recipients },
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};
