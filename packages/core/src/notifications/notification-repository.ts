import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import {
  deleteTenantRow,
  findTenantRow,
  listTenantRows,
  updateTenantRow,
} from '../db/tenant-owned-rows.js';
import type { Notification } from './notification.js';
import type { NotificationRow } from './notifications.table.js';
import type { NotificationInput } from './notification-wire.js';
import { isStorableId } from '../ids/stored-id.js';
import { openNotificationConfig, sealNotificationConfig } from './notification-config-secret.js';

// Every function here takes the tenant scope (architecture rule 1): an id of another tenant's
// notification or monitor behaves exactly like one that does not exist.

/** What saving did: the notification's id and how many monitors `applyExisting` linked. */
export interface SavedNotification {
  id: number;
  linkedMonitorCount: number;
}

/** A notification a monitor alerts through, as the delivery side needs it. */
export interface LinkedNotification {
  id: number;
  name: string;
  /** The whole saved object; `config.type` names the provider. Holds secrets: never log it. */
  config: Record<string, unknown>;
}

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    name: row.name,
    config: openNotificationConfig(row.config),
    isDefault: row.is_default,
    active: row.active,
    createdAt: row.created_at,
  };
}

/** `addNotification` with no id (docs/protocol/notifications.md), `applyExisting` included, in one transaction. */
export async function createNotification(
  db: Kysely<Database>,
  tenantId: number,
  userId: number,
  input: NotificationInput,
): Promise<SavedNotification> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('notifications')
      .values({
        tenant_id: tenantId,
        user_id: userId,
        name: input.name,
        config: sealNotificationConfig(input.config),
        is_default: input.isDefault,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const linkedMonitorCount = input.applyExisting ? await linkToAllMonitors(trx, tenantId, id) : 0;
    return { id, linkedMonitorCount };
  });
}

/**
 * `addNotification` with an id (docs/protocol/notifications.md): replaces name, config and isDefault; `active`
 * and the creator stay. Undefined when the tenant has no such notification.
 */
export async function updateNotification(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
  input: NotificationInput,
): Promise<SavedNotification | undefined> {
  if (!isStorableId(id)) return undefined;
  return inTransaction(db, async (trx) => {
    const changes = {
      name: input.name,
      config: sealNotificationConfig(input.config),
      is_default: input.isDefault,
    };
    if (!(await updateTenantRow(trx, 'notifications', tenantId, id, changes))) return undefined;
    const linkedMonitorCount = input.applyExisting ? await linkToAllMonitors(trx, tenantId, id) : 0;
    return { id, linkedMonitorCount };
  });
}

/**
 * Deletes the notification and its monitor links. Answers how many monitors lost it, or
 * undefined when the tenant has no such notification.
 */
export async function deleteNotification(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<{ unlinkedMonitorCount: number } | undefined> {
  if (!isStorableId(id)) return undefined;
  return inTransaction(db, async (trx) => {
    // Explicit rather than left to the cascade, which does not report what it removed.
    const unlinked = await trx
      .deleteFrom('monitor_notifications')
      .where('tenant_id', '=', tenantId)
      .where('notification_id', '=', id)
      .executeTakeFirst();
    if (!(await deleteTenantRow(trx, 'notifications', tenantId, id))) return undefined;
    return { unlinkedMonitorCount: Number(unlinked.numDeletedRows) };
  });
}

/**
 * Deletes every notification of the tenant (a backup import's `overwrite`, docs/protocol/settings.md); their
 * monitor links and delivery records go with them (ON DELETE CASCADE).
 */
export async function deleteAllNotifications(
  db: Kysely<Database>,
  tenantId: number,
): Promise<void> {
  await db.deleteFrom('notifications').where('tenant_id', '=', tenantId).execute();
}

export async function listNotifications(
  db: Kysely<Database>,
  tenantId: number,
): Promise<Notification[]> {
  const rows = await listTenantRows(db, 'notifications', tenantId);
  return rows.map(toNotification);
}

export async function findNotification(
  db: Kysely<Database>,
  tenantId: number,
  id: number,
): Promise<Notification | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await findTenantRow(db, 'notifications', tenantId, id);
  return row && toNotification(row);
}

/**
 * Replaces a monitor's links with the given notification ids (`notificationIDList`, spec
 * docs/protocol/monitors.md step 5). Ids that are not the tenant's notifications are ignored, and nothing is
 * linked to a monitor that is not the tenant's. Atomic: inside the caller's transaction if
 * `db` is one, in its own otherwise.
 */
export async function setMonitorNotifications(
  db: Kysely<Database>,
  tenantId: number,
  monitorId: number,
  notificationIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(notificationIds.filter(isStorableId))];
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('monitor_notifications')
      .where('tenant_id', '=', tenantId)
      .where('monitor_id', '=', monitorId)
      .execute();
    if (ids.length === 0) return;
    // One statement checks both owners: the join finds only this tenant's monitor and
    // notifications.
    await sql`
      INSERT INTO monitor_notifications (tenant_id, monitor_id, notification_id)
      SELECT m.tenant_id, m.id, n.id
      FROM monitors m JOIN notifications n ON n.tenant_id = m.tenant_id
      WHERE m.tenant_id = ${tenantId} AND m.id = ${monitorId}
        AND n.id = ANY(${ids}::int[])
    `.execute(trx);
  });
}

/**
 * Adds many monitor↔notification links at once (a backup import). As in
 * setMonitorNotifications, the joins keep only pairs whose monitor and notification are both
 * the tenant's; existing links stay.
 */
export async function addMonitorNotificationLinks(
  db: Kysely<Database>,
  tenantId: number,
  links: readonly { monitorId: number; notificationId: number }[],
): Promise<void> {
  const usable = links.filter((l) => isStorableId(l.monitorId) && isStorableId(l.notificationId));
  for (let i = 0; i < usable.length; i += LINK_CHUNK) {
    const chunk = usable.slice(i, i + LINK_CHUNK);
    await sql`
      INSERT INTO monitor_notifications (tenant_id, monitor_id, notification_id)
      SELECT m.tenant_id, m.id, n.id
      FROM unnest(${chunk.map((l) => l.monitorId)}::int[],
                  ${chunk.map((l) => l.notificationId)}::int[]) AS l (monitor_id, notification_id)
      JOIN monitors m ON m.id = l.monitor_id AND m.tenant_id = ${tenantId}
      JOIN notifications n ON n.id = l.notification_id AND n.tenant_id = ${tenantId}
      ON CONFLICT DO NOTHING
    `.execute(db);
  }
}

// Two int arrays per statement; bounded so one statement stays small.
const LINK_CHUNK = 5_000;

/**
 * The notification ids each monitor links (its `notificationIDList`), ascending; every
 * requested monitor has an entry, empty when it links none.
 */
export async function notificationIdsOf(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byMonitor = new Map<number, number[]>(monitorIds.map((id) => [id, []]));
  const ids = monitorIds.filter(isStorableId);
  if (ids.length === 0) return byMonitor;
  const rows = await db
    .selectFrom('monitor_notifications')
    .select(['monitor_id', 'notification_id'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`monitor_id = ANY(${ids}::int[])`)
    .orderBy('monitor_id')
    .orderBy('notification_id')
    .execute();
  for (const row of rows) byMonitor.get(row.monitor_id)?.push(row.notification_id);
  return byMonitor;
}

/**
 * What each monitor alerts through, for the delivery side: the active notifications linked
 * to it, by ascending id; every requested monitor has an entry. Upstream also sends through
 * inactive ones, but `active` cannot be changed from a 1.23 client, and "inactive means
 * silent" is the natural reading (docs/protocol/notification-providers.md#quirks-and-resolutions #14).
 */
export async function linkedNotificationsOf(
  db: Kysely<Database>,
  tenantId: number,
  monitorIds: readonly number[],
): Promise<Map<number, LinkedNotification[]>> {
  const byMonitor = new Map<number, LinkedNotification[]>(monitorIds.map((id) => [id, []]));
  const ids = monitorIds.filter(isStorableId);
  if (ids.length === 0) return byMonitor;
  const rows = await db
    .selectFrom('monitor_notifications as mn')
    .innerJoin('notifications as n', (join) =>
      join.onRef('n.id', '=', 'mn.notification_id').onRef('n.tenant_id', '=', 'mn.tenant_id'),
    )
    .select(['mn.monitor_id', 'n.id', 'n.name', 'n.config'])
    .where('mn.tenant_id', '=', tenantId)
    .where(sql<boolean>`mn.monitor_id = ANY(${ids}::int[])`)
    .where('n.active', '=', true)
    .orderBy('mn.monitor_id')
    .orderBy('n.id')
    .execute();
  for (const { monitor_id, config, ...notification } of rows) {
    byMonitor.get(monitor_id)?.push({ ...notification, config: openNotificationConfig(config) });
  }
  return byMonitor;
}

/** `applyExisting` (docs/protocol/notification-providers.md#saving-isdefault-and-applyexisting): every monitor not linked yet gets it. */
async function linkToAllMonitors(
  db: Kysely<Database>,
  tenantId: number,
  notificationId: number,
): Promise<number> {
  const result = await sql`
    INSERT INTO monitor_notifications (tenant_id, monitor_id, notification_id)
    SELECT m.tenant_id, m.id, ${notificationId}::int FROM monitors m
    WHERE m.tenant_id = ${tenantId}
    ON CONFLICT DO NOTHING
  `.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
