import type { ServiceContext } from '../services/service-context.js';
import { listMaintenances } from './list-maintenances.js';

/** Pushes `maintenanceList` (spec §5.9) to the tenant's room. */
export async function pushMaintenanceList(ctx: ServiceContext): Promise<void> {
  ctx.events.emit(ctx.tenantId, 'maintenanceList', await listMaintenances(ctx));
}
