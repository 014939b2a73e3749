import { pushMonitorList } from '../monitors/push-monitor-list.js';
import { pushNotificationList } from '../notifications/push-notification-list.js';
import { pushProxyList } from '../proxies/push-proxy-list.js';
import { publishChange, type ServiceContext } from '../services/service-context.js';
import { loadTenantLimits } from '../tenant-limits/enforce-tenant-limits.js';
import { parseBackup, type ImportHandle } from './backup-schema.js';
import { restoreBackup } from './restore-backup.js';

export { importHandleSchema, type ImportHandle } from './backup-schema.js';

/**
 * `uploadBackup` (docs/protocol/settings.md#uploadbackup) (jsonString, importHandle). The import is one transaction, so a
 * bad entry anywhere throws with nothing changed. The lists go to the room before the
 * caller answers, as upstream sends them before calling back.
 */
export async function importBackup(
  ctx: ServiceContext,
  jsonString: unknown,
  mode: ImportHandle,
): Promise<void> {
  const { db, tenantId } = ctx;
  const backup = parseBackup(jsonString);
  const result = await restoreBackup(db, backup, {
    tenantId,
    userId: ctx.userId,
    mode,
    limits: await loadTenantLimits(ctx),
  });
  // After the commit: the scheduler drops what overwrite deleted and starts what came in
  // active; every message also empties the badge caches.
  for (const monitorId of result.deletedMonitorIds) {
    publishChange(ctx, { kind: 'remove', monitorId, tenantId });
  }
  for (const { id, active } of result.importedMonitors) {
    publishChange(ctx, { kind: active ? 'upsert' : 'remove', monitorId: id, tenantId });
  }
  await pushNotificationList(ctx);
  // Not pushed upstream, whose export has no proxies; without it cached lists go stale.
  if (result.proxiesChanged) await pushProxyList(ctx);
  await pushMonitorList(ctx);
}
