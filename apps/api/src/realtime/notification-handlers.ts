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
import { defineHandler, failure, type SocketHandler } from './define-handler.js';

// Literal texts of spec §3.3 / §9.2 (no full stops).
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
const INVALID_NOTIFICATION_ID_MSG = 'Invalid notification ID.';

const idSchema = ownedIdSchema(INVALID_NOTIFICATION_ID_MSG);
// §3.3: a falsy id (Python's None, the UI's null) means "create".
const idOrNullSchema = ownedIdOrNullSchema(INVALID_NOTIFICATION_ID_MSG);

export const notificationHandlers: readonly SocketHandler[] = [
  // Spec §3.3: the pushes go out before the ack.
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

  // Spec §3.3: the provider's own text either way (§1.7).
  defineHandler('testNotification', [notificationConfigSchema], async ({ service }, [config]) => {
    const result = await testNotification(service, config);
    return result.sent ? { ok: true, msg: result.msg } : failure(result.error);
  }),

  defineHandler('getNotificationDeliveries', [], async ({ service }) => ({
    ok: true,
    deliveries: await listNotificationDeliveries(service),
  })),
];
