import type { ServiceContext } from '../services/service-context.js';
import * as notificationRepository from './notification-repository.js';
import { toNotificationJson, type NotificationJson } from './notification-wire.js';

/** docs/protocol/notifications.md#notification-object: the tenant's notifications, configs included; for its own room only. */
export async function listNotifications(ctx: ServiceContext): Promise<NotificationJson[]> {
  const notifications = await notificationRepository.listNotifications(ctx.db, ctx.tenantId);
  return notifications.map(toNotificationJson);
}
