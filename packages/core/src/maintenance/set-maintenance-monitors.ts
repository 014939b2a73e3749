import { MONITOR_NOT_FOUND_MSG } from '../monitors/monitor-id.js';
import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import { assertLinked } from './maintenance-links.js';
import * as maintenanceRepository from './maintenance-repository.js';

/** `addMonitorMaintenance` (docs/protocol/maintenance.md): replaces the covered set; all or nothing. */
export async function setMaintenanceMonitors(
  ctx: ServiceContext,
  id: number,
  monitorIds: readonly number[],
): Promise<void> {
  const result = await maintenanceRepository.setMaintenanceMonitors(
    ctx.db,
    ctx.tenantId,
    id,
    monitorIds,
  );
  assertLinked(result, MONITOR_NOT_FOUND_MSG);
  publishStatusPageChange(ctx);
}
