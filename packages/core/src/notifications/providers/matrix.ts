import { createHash, randomBytes } from 'node:crypto';
import { sendRequest, withGeneralErrors } from '../http.js';
import {
  SENT_SUCCESSFULLY,
  type NotificationMessage,
  type NotificationProvider,
} from '../provider.js';
import { requireConfigText } from './provider-fields.js';

/** Matrix client-server API (docs/protocol/notification-providers.md#matrix): one `m.text` event PUT into the room. */
export const matrixProvider: NotificationProvider = {
  type: 'matrix',
  send: (config, message, { timeoutMs, egress }) =>
    withGeneralErrors(async () => {
      // Not trimmed, as upstream: a trailing "/" on the homeserver gives "//".
      const homeserver = requireConfigText(config, 'homeserverUrl');
      const room = requireConfigText(config, 'internalRoomId');
      const accessToken = requireConfigText(config, 'accessToken');
      await sendRequest({
        method: 'PUT',
        url: `${homeserver}/_matrix/client/r0/rooms/${encodeURIComponent(room)}/send/m.room.message/${matrixTransactionId(room, message)}`,
        headers: { Authorization: `Bearer ${accessToken}` },
        body: { msgtype: 'm.text', body: message.msg },
        timeoutMs,
        egress,
      });
      return SENT_SUCCESSFULLY;
    }),
};

/**
 * Upstream's txnId format (20 base64 characters, URI-encoded), but for a monitor event it is
 * derived from the beat instead of drawn at random: every retry of one delivery then reuses
 * it, and the homeserver answers a retry whose first attempt did land without posting the
 * message twice (docs/protocol/notification-providers.md#quirks-and-resolutions #19). Tests and certificate reminders have no beat and stay random,
 * so two identical test sends both appear.
 */
export function matrixTransactionId(room: string, message: NotificationMessage): string {
  const { monitor, heartbeat, msg } = message;
  const bytes = heartbeat
    ? createHash('sha256')
        .update(JSON.stringify([room, monitor?.id, heartbeat.time, heartbeat.status, msg]))
        .digest()
    : randomBytes(20);
  return encodeURIComponent(bytes.toString('base64').slice(0, 20));
}
