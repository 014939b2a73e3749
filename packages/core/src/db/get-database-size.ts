import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { OPERATOR_ONLY_MSG, type InstancePolicy } from '../tenants/instance-policy.js';
import { getDatabaseSize as measureDatabase } from './database-size.js';

/**
 * `getDatabaseSize` (docs/protocol/settings.md#getdatabasesize): the whole database's size in bytes (see database-size.ts for
 * why not the tenant's share). The operator's figure where tenants share the instance.
 */
export function getDatabaseSize(ctx: ServiceContext, policy: InstancePolicy): Promise<number> {
  if (!policy.databaseOperations) throw new AppError('permission-denied', OPERATOR_ONLY_MSG);
  return measureDatabase(ctx.db);
}
