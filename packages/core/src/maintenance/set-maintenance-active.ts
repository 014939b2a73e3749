import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { MAINTENANCE_NOT_FOUND_MSG } from './maintenance-texts.js';
import { pushMaintenanceList } from './push-maintenance-list.js';

/** pauseMaintenance / resumeMaintenance: the list push is left to `publish` (after the ack). */
export async function setMaintenanceActive(
  ctx: ServiceContext,
  id: number,
  active: boolean,
): Promise<{ publish: () => Promise<void> }> {
  const changed = await maintenanceRepository.setMaintenanceActive(
    ctx.db,
    ctx.tenantId,
    id,
    active,
  );
  if (!changed) throw new AppError('not-found', MAINTENANCE_NOT_FOUND_MSG);
  publishStatusPageChange(ctx);
  return { publish: () => pushMaintenanceList(ctx) };
}
