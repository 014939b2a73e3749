import type { ServiceContext } from '../services/service-context.js';
import { assertMaintenanceExists } from './maintenance-links.js';
import * as maintenanceRepository from './maintenance-repository.js';

/** `getMonitorMaintenance` (docs/protocol/maintenance.md): `[{id}]` of the monitors a window covers. */
export async function getMaintenanceMonitors(
  ctx: ServiceContext,
  id: number,
): Promise<{ id: number }[]> {
  await assertMaintenanceExists(ctx, id);
  return maintenanceRepository.listMaintenanceMonitors(ctx.db, ctx.tenantId, id);
}
