import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as notificationRepository from './notification-repository.js';
import { NOTIFICATION_NOT_FOUND_MSG, type NotificationInput } from './notification-wire.js';
import { pushNotificationList } from './push-notification-list.js';

/**
 * `addNotification` (docs/protocol/notifications.md#addnotification): creates when `id` is null, else updates the tenant's
 * notification (`applyExisting` links it to every monitor); then notificationList to the
 * room. Answers the notification's id.
 */
export async function saveNotification(
  ctx: ServiceContext,
  input: NotificationInput,
  id: number | null,
): Promise<{ id: number }> {
  const { db, tenantId } = ctx;
  const saved =
    id === null
      ? await notificationRepository.createNotification(db, tenantId, ctx.userId, input)
      : await notificationRepository.updateNotification(db, tenantId, id, input);
  if (!saved) throw new AppError('not-found', NOTIFICATION_NOT_FOUND_MSG);
  await pushNotificationList(ctx);
  // Not pushed upstream; without it a client's cached monitors would not show the links
  // applyExisting just made until the next monitorList.
  if (saved.linkedMonitorCount > 0) await pushMonitorList(ctx);
  return { id: saved.id };
}
