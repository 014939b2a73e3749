import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as maintenanceRepository from '../maintenance/maintenance-repository.js';
import * as notificationRepository from '../notifications/notification-repository.js';
import type { MonitorListPayload } from '../protocol/server-events.js';
import * as tagRepository from '../tags/tag-repository.js';
import { buildMonitorList } from './build-monitor-list.js';
import * as monitorRepository from './monitor-repository.js';

/**
 * The tenant's wire monitor list (docs/protocol/monitors.md#monitor-object), read with one query per kind. The read model
 * behind listMonitors and every service that pushes `monitorList`; it takes the database and
 * the tenant rather than a ServiceContext so a caller that only holds those can use it too.
 */
export async function loadMonitorList(
  db: Kysely<Database>,
  tenantId: number,
): Promise<MonitorListPayload> {
  const monitors = await monitorRepository.listMonitors(db, tenantId);
  const ids = monitors.map((m) => m.id);
  const [notificationIds, tags, maintained] = await Promise.all([
    notificationRepository.notificationIdsOf(db, tenantId, ids),
    tagRepository.monitorTagsOf(db, tenantId),
    maintenanceRepository.findDirectlyMaintainedMonitors(db, tenantId, Date.now()),
  ]);
  return buildMonitorList(monitors, notificationIds, tags, maintained);
}

/**
 * The wire objects of the monitors with these ids (those of other tenants or deleted are
 * missing), built as in the whole list from the rows of their group trees only.
 */
export async function loadMonitorsOf(
  db: Kysely<Database>,
  tenantId: number,
  ids: readonly number[],
): Promise<MonitorListPayload> {
  const monitors = await monitorRepository.listMonitorsWithKin(db, tenantId, ids);
  const [notificationIds, tags, maintained] = await Promise.all([
    notificationRepository.notificationIdsOf(db, tenantId, ids),
    tagRepository.monitorTagsOf(db, tenantId, ids),
    maintenanceRepository.findDirectlyMaintainedMonitors(db, tenantId, Date.now()),
  ]);
  const kin = buildMonitorList(monitors, notificationIds, tags, maintained);
  return Object.fromEntries(ids.flatMap((id) => (kin[id] ? [[String(id), kin[id]]] : [])));
}
