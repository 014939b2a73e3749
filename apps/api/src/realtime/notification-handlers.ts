import { ownedIdOrNullSchema, ownedIdSchema } from '@watchpost/core';
import type { Kysely } from 'kysely';
import {
  AppError,
  notificationConfigSchema,
  notificationInputSchema,
  toNotificationJson,
  type NotificationJson,
} from '@watchpost/core';
import {
  notificationRepository,
  primaryBaseUrlOf,
  settingsRepository,
  type Database,
} from '@watchpost/core/db';
import {
  listRecentDeliveries,
  providerFor,
  UNSUPPORTED_TYPE_MSG,
} from '@watchpost/core/notifications';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, failure, type SocketHandler } from './define-handler.js';
import { loadMonitorList } from '@watchpost/core/services';
import type { RealtimeDeps } from './realtime-deps.js';

// Literal texts of spec §3.3 / §9.2 (no full stops).
const SAVED_MSG = 'Saved';
const DELETED_MSG = 'Deleted';
// Upstream's text for a missing id; also for another tenant's, so ids cannot be probed.
export const NOTIFICATION_NOT_FOUND_MSG = 'notification not found';
export const INVALID_NOTIFICATION_ID_MSG = 'Invalid notification ID.';

/** Upstream waits forever for a provider; a test must answer while the user still looks. */
const TEST_TIMEOUT_MS = 10_000;

const idSchema = ownedIdSchema(INVALID_NOTIFICATION_ID_MSG);
// §3.3: a falsy id (Python's None, the UI's null) means "create".
const idOrNullSchema = ownedIdOrNullSchema(INVALID_NOTIFICATION_ID_MSG);

export const notificationHandlers: readonly SocketHandler[] = [
  // Spec §3.3: create or update, then notificationList to the room, then the ack.
  defineHandler(
    'addNotification',
    [notificationInputSchema, idOrNullSchema],
    async ({ deps, session }, [input, id]) => {
      const { db } = deps;
      const { tenantId } = session;
      const saved =
        id === null
          ? await notificationRepository.createNotification(db, tenantId, session.userId, input)
          : await notificationRepository.updateNotification(db, tenantId, id, input);
      if (!saved) throw new AppError('not-found', NOTIFICATION_NOT_FOUND_MSG);
      await pushNotificationList(deps, tenantId);
      // Not pushed upstream; without it a client's cached monitors would not show the links
      // applyExisting just made until the next monitorList.
      if (saved.linkedMonitorCount > 0) await pushMonitorList(deps, tenantId);
      return { ok: true, msg: SAVED_MSG, id: saved.id };
    },
  ),

  // Spec §3.3: the links go with it; push, then ack.
  defineHandler('deleteNotification', [idSchema], async ({ deps, session }, [id]) => {
    const { tenantId } = session;
    const deleted = await notificationRepository.deleteNotification(deps.db, tenantId, id);
    if (!deleted) throw new AppError('not-found', NOTIFICATION_NOT_FOUND_MSG);
    await pushNotificationList(deps, tenantId);
    if (deleted.unlinkedMonitorCount > 0) await pushMonitorList(deps, tenantId);
    return { ok: true, msg: DELETED_MSG };
  }),

  // Spec §3.3: sends for real through the unsaved config; the provider's own text either way.
  defineHandler('testNotification', [notificationConfigSchema], async (ctx, [config]) => {
    const provider = providerFor(config.type);
    if (!provider) return failure(UNSUPPORTED_TYPE_MSG);
    const name = typeof config.name === 'string' ? config.name : '';
    const { db } = ctx.deps;
    const baseUrl = primaryBaseUrlOf(
      await settingsRepository.getSetting(db, ctx.session.tenantId, 'primaryBaseURL'),
    );
    try {
      const msg = await provider.send(
        config,
        { msg: `${name} Testing`, monitor: null, heartbeat: null },
        { baseUrl, timeoutMs: TEST_TIMEOUT_MS },
      );
      return { ok: true, msg };
    } catch (error) {
      // The provider's message is the answer (§1.7); it may quote the tenant's own config,
      // which is fine on the tenant's own socket, so it is not logged.
      return failure(error instanceof Error ? error.message : String(error));
    }
  }),

  // Watchpost's own (Kuma has no delivery record): the tenant's latest alerts, each with
  // every attempt, so "why did nobody get paged?" has an answer.
  defineHandler('getNotificationDeliveries', [], async ({ deps, session }) => ({
    ok: true,
    deliveries: await listRecentDeliveries(deps.db, session.tenantId, RECENT_DELIVERIES),
  })),
];

const RECENT_DELIVERIES = 50;

/** Spec §5.5: the tenant's notifications, configs included; sent to its own room only. */
export async function loadNotificationList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<NotificationJson[]> {
  return (await notificationRepository.listNotifications(db, tenantId)).map(toNotificationJson);
}

async function pushNotificationList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  const list = await loadNotificationList(deps.db, tenantId);
  deps.io.to(tenantRoom(tenantId)).emit('notificationList', list);
}

async function pushMonitorList(deps: RealtimeDeps, tenantId: number): Promise<void> {
  const list = await loadMonitorList(deps.db, tenantId);
  deps.io.to(tenantRoom(tenantId)).emit('monitorList', list);
}
