import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { MAINTENANCE_NOT_FOUND_MSG } from './maintenance-texts.js';
import { toMaintenanceJson, type MaintenanceJson } from './maintenance-wire.js';

export async function getMaintenance(ctx: ServiceContext, id: number): Promise<MaintenanceJson> {
  const found = await maintenanceRepository.findMaintenance(ctx.db, ctx.tenantId, id);
  if (!found) throw new AppError('not-found', MAINTENANCE_NOT_FOUND_MSG);
  return toMaintenanceJson(found, Date.now());
}
