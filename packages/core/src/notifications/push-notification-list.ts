import type { ServiceContext } from '../services/service-context.js';
import { listNotifications } from './list-notifications.js';

/** Sends the tenant's `notificationList` (docs/protocol/notifications.md#notification-object) to its room, after a change to it. */
export async function pushNotificationList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'notificationList', await listNotifications(ctx));
}
