import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { OPERATOR_ONLY_MSG, type InstancePolicy } from '../tenants/instance-policy.js';
import { vacuumDatabase } from './database-size.js';

/**
 * `shrinkDatabase` (docs/protocol/settings.md#shrinkdatabase): a plain VACUUM, shared by concurrent callers on one node. Where
 * tenants share the instance, maintenance of the whole database is the operator's.
 */
export function shrinkDatabase(ctx: ServiceContext, policy: InstancePolicy): Promise<void> {
  if (!policy.databaseOperations) throw new AppError('permission-denied', OPERATOR_ONLY_MSG);
  return vacuumDatabase(ctx.db);
}
