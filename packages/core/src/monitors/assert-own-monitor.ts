import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { MONITOR_NOT_FOUND_MSG } from './monitor-id.js';
import * as monitorRepository from './monitor-repository.js';

/** Another tenant's monitor answers like a missing one (architecture rule 1). */
export async function assertOwnMonitor(ctx: ServiceContext, monitorId: number): Promise<void> {
  const monitor = await monitorRepository.findMonitor(ctx.db, ctx.tenantId, monitorId);
  if (!monitor) throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
}
