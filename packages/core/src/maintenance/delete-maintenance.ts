import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { pushMaintenanceList } from './push-maintenance-list.js';

/**
 * docs/protocol/maintenance.md: silent for an id that is not there. The list push is left to `publish`, which
 * the caller runs after its reply (the ack comes before the push).
 */
export async function deleteMaintenance(
  ctx: ServiceContext,
  id: number,
): Promise<{ publish: () => Promise<void> }> {
  await maintenanceRepository.deleteMaintenance(ctx.db, ctx.tenantId, id);
  publishStatusPageChange(ctx);
  return { publish: () => pushMaintenanceList(ctx) };
}
