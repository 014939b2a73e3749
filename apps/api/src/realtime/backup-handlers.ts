import { z } from 'zod';
import { importBackup, importHandleSchema, parseBackup } from '@watchpost/core/db';
import { tenantRoom } from '@watchpost/core/realtime';
import { defineHandler, type SocketHandler } from './define-handler.js';
import { listNotifications, listProxies, publishChange } from '@watchpost/core/services';
import { loadMonitorList } from './monitor-list.js';

// Literal text of spec §9.2.
const RESTORED_MSG = 'Backup successfully restored.';

export const backupHandlers: readonly SocketHandler[] = [
  // Spec §3.9 `uploadBackup` (jsonString, importHandle). The import is one transaction, so a
  // bad entry anywhere answers ok:false with nothing changed. The lists go to the room
  // before the ack, as upstream sends them before calling back.
  defineHandler(
    'uploadBackup',
    [z.unknown(), importHandleSchema],
    async ({ deps, session, service }, [jsonString, mode]) => {
      const { tenantId } = session;
      const backup = parseBackup(jsonString);
      const result = await importBackup(deps.db, backup, {
        tenantId,
        userId: session.userId,
        mode,
        minIntervalSeconds: deps.minIntervalSeconds,
      });
      // After the commit: the scheduler drops what overwrite deleted and starts what came in
      // active; every message also empties the badge caches.
      for (const monitorId of result.deletedMonitorIds) {
        publishChange(deps, { kind: 'remove', monitorId, tenantId });
      }
      for (const { id, active } of result.importedMonitors) {
        publishChange(deps, { kind: active ? 'upsert' : 'remove', monitorId: id, tenantId });
      }
      const room = deps.io.to(tenantRoom(tenantId));
      room.emit('notificationList', await listNotifications(service));
      // Not pushed upstream, whose export has no proxies; without it cached lists go stale.
      if (result.proxiesChanged) room.emit('proxyList', await listProxies(service));
      room.emit('monitorList', await loadMonitorList(deps.db, tenantId));
      return { ok: true, msg: RESTORED_MSG };
    },
  ),
];
