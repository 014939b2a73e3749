import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from '../status-pages/publish-status-page-change.js';
import { validMaintenanceFields } from './maintenance-fields.js';
import type { MaintenanceInput } from './maintenance-input.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { MAINTENANCE_ID_REQUIRED_MSG, MAINTENANCE_NOT_FOUND_MSG } from './maintenance-texts.js';
import { pushMaintenanceList } from './push-maintenance-list.js';

/** Replaces a window's fields (docs/protocol/maintenance.md); the list push reaches the room first (docs/protocol/transport.md#pushes-and-rooms). */
export async function editMaintenance(
  ctx: ServiceContext,
  input: MaintenanceInput,
): Promise<number> {
  if (input.id === undefined) throw new AppError('invalid-input', MAINTENANCE_ID_REQUIRED_MSG);
  const saved = await maintenanceRepository.updateMaintenance(
    ctx.db,
    ctx.tenantId,
    input.id,
    validMaintenanceFields(input),
  );
  if (!saved) throw new AppError('not-found', MAINTENANCE_NOT_FOUND_MSG);
  publishStatusPageChange(ctx);
  await pushMaintenanceList(ctx);
  return input.id;
}
