import type { UnscopedContext } from '../auth/login-context.js';
import { inTransaction } from '../db/in-transaction.js';
import { AppError } from '../errors/app-error.js';
import * as tenantRepository from '../tenants/tenant-repository.js';
import type { StoredTenantLimits } from './tenant-limits.js';
import * as tenantLimitsRepository from './tenant-limits-repository.js';

/**
 * The operator's `set-tenant-limits` (architecture rule 13): stores the given limits of one
 * tenant (`null` returns one to the operator's default) and answers the tenant's own limits.
 * Monitors already beyond a lowered limit keep running until they are edited or resumed.
 */
export async function setTenantLimits(
  ctx: UnscopedContext,
  tenantId: number,
  changes: Partial<StoredTenantLimits>,
): Promise<StoredTenantLimits> {
  return inTransaction(ctx.db, async (trx) => {
    if (!(await tenantRepository.lockTenant(trx, tenantId))) {
      throw new AppError('not-found', `No tenant with id ${tenantId}`);
    }
    return tenantLimitsRepository.saveTenantLimits(trx, tenantId, changes);
  });
}
