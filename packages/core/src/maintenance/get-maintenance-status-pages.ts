import type { ServiceContext } from '../services/service-context.js';
import { assertMaintenanceExists } from './maintenance-links.js';
import * as maintenanceRepository from './maintenance-repository.js';

/** `getMaintenanceStatusPage` (docs/protocol/maintenance.md): `[{id, title}]` of the pages showing a window. */
export async function getMaintenanceStatusPages(
  ctx: ServiceContext,
  id: number,
): Promise<{ id: number; title: string }[]> {
  await assertMaintenanceExists(ctx, id);
  return maintenanceRepository.listMaintenanceStatusPages(ctx.db, ctx.tenantId, id);
}
