import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import { validMaintenanceFields } from './maintenance-fields.js';
import type { MaintenanceInput } from './maintenance-input.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { pushMaintenanceList } from './push-maintenance-list.js';

// docs/protocol/maintenance.md. Windows are decided from their stored fields whenever someone asks (the list,
// the worker before each check), so nothing is scheduled or unscheduled here.

/** Stores a new window and answers its id; the list push reaches the room first (docs/protocol/transport.md#pushes-and-rooms). */
export async function addMaintenance(
  ctx: ServiceContext,
  input: MaintenanceInput,
): Promise<number> {
  const id = await maintenanceRepository.insertMaintenance(
    ctx.db,
    ctx.tenantId,
    ctx.userId,
    validMaintenanceFields(input),
  );
  publishStatusPageChange(ctx);
  await pushMaintenanceList(ctx);
  return id;
}
