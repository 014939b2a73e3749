import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import { assertLinked } from './maintenance-links.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { MAINTENANCE_STATUS_PAGE_NOT_FOUND_MSG } from './maintenance-texts.js';

/** `addMaintenanceStatusPage` (docs/protocol/maintenance.md): replaces the pages showing a window; all or nothing. */
export async function setMaintenanceStatusPages(
  ctx: ServiceContext,
  id: number,
  statusPageIds: readonly number[],
): Promise<void> {
  const result = await maintenanceRepository.setMaintenanceStatusPages(
    ctx.db,
    ctx.tenantId,
    id,
    statusPageIds,
  );
  assertLinked(result, MAINTENANCE_STATUS_PAGE_NOT_FOUND_MSG);
  publishStatusPageChange(ctx);
}
