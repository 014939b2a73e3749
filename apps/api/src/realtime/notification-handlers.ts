import {
  notificationConfigSchema,
  notificationInputSchema,
  ownedIdOrNullSchema,
  ownedIdSchema,
} from '@watchpost/core';
import {
  deleteNotification,
  listNotificationDeliveries,
  saveNotification,
  testNotification,
} from '@watchpost/core/services';
import { redactDelivery } from '@watchpost/core/realtime';
import { defineHandler, failure, type SocketHandler } from './define-handler.js';
import { forSession } from './session-audience.js';

// Literal texts of docs/protocol/notifications.md / docs/protocol/compatibility.md#literal-strings (no full stops).
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
const INVALID_NOTIFICATION_ID_MSG = 'Invalid notification ID.';

const idSchema = ownedIdSchema(INVALID_NOTIFICATION_ID_MSG);
// docs/protocol/notifications.md: a falsy id (Python's None, the UI's null) means "create".
const idOrNullSchema = ownedIdOrNullSchema(INVALID_NOTIFICATION_ID_MSG);

export const notificationHandlers: readonly SocketHandler[] = [
  // docs/protocol/notifications.md: the pushes go out before the ack.
  defineHandler(
    'addNotification',
    [notificationInputSchema, idOrNullSchema],
    async ({ service }, [input, id]) => {
      const saved = await saveNotification(service, input, id);
      return { ok: true, msg: SAVED_MSG, id: saved.id };
    },
  ),

  defineHandler('deleteNotification', [idSchema], async ({ service }, [id]) => {
    await deleteNotification(service, id);
    return { ok: true, msg: DELETED_MSG };
  }),

  // docs/protocol/notifications.md: the provider's own text either way (docs/protocol/notification-providers.md#error-texts).
  defineHandler('testNotification', [notificationConfigSchema], async ({ service }, [config]) => {
    const result = await testNotification(service, config);
    return result.sent ? { ok: true, msg: result.msg } : failure(result.error);
  }),

  // docs/protocol/api-keys.md#secrets-a-read-session-does-not-receive: error texts hidden.
  defineHandler('getNotificationDeliveries', [], async ({ service, session }) => ({
    ok: true,
    deliveries: forSession(session, await listNotificationDeliveries(service), (deliveries) =>
      deliveries.map(redactDelivery),
    ),
  })),
];
