import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as notificationRepository from './notification-repository.js';
import { NOTIFICATION_NOT_FOUND_MSG } from './notification-wire.js';
import { pushNotificationList } from './push-notification-list.js';

/** `deleteNotification` (docs/protocol/notifications.md#deletenotification): its monitor links go with it; then the pushes. */
export async function deleteNotification(ctx: ServiceContext, id: number): Promise<void> {
  const deleted = await notificationRepository.deleteNotification(ctx.db, ctx.tenantId, id);
  if (!deleted) throw new AppError('not-found', NOTIFICATION_NOT_FOUND_MSG);
  await pushNotificationList(ctx);
  if (deleted.unlinkedMonitorCount > 0) await pushMonitorList(ctx);
}
