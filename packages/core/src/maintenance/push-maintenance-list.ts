import type { ServiceContext } from '../services/service-context.js';
import { listMaintenances } from './list-maintenances.js';

/** Pushes `maintenanceList` (docs/protocol/maintenance.md#maintenance-object) to the tenant's room. */
export async function pushMaintenanceList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'maintenanceList', await listMaintenances(ctx));
}
