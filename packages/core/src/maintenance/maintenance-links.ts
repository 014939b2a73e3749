import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { MAINTENANCE_NOT_FOUND_MSG } from './maintenance-texts.js';

/** A replacement of a window's links as the client's error when it did not happen. */
export function assertLinked(result: maintenanceRepository.LinkResult, targetMissing: string) {
  if (result === 'maintenance-not-found') {
    throw new AppError('not-found', MAINTENANCE_NOT_FOUND_MSG);
  }
  if (result === 'target-not-found') throw new AppError('not-found', targetMissing);
}

export async function assertMaintenanceExists(ctx: ServiceContext, id: number): Promise<void> {
  if (!(await maintenanceRepository.findMaintenance(ctx.db, ctx.tenantId, id))) {
    throw new AppError('not-found', MAINTENANCE_NOT_FOUND_MSG);
  }
}
