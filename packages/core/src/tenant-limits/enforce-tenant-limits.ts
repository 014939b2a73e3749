import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import * as monitorRepository from '../monitors/monitor-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import * as tenantRepository from '../tenants/tenant-repository.js';
import {
  monitorCountViolation,
  monitorLimitViolation,
  NO_OPERATOR_TENANT_LIMITS,
  resolveTenantLimits,
  type TenantLimits,
} from './tenant-limits.js';
import * as tenantLimitsRepository from './tenant-limits-repository.js';

// The checks every monitor write makes against the caller's tenant limits (architecture
// rule 13). A refusal is `invalid-input` with the limit in its text, before anything is written.

/** The limits of the caller's tenant: its own, else the operator's defaults. */
export async function loadTenantLimits(ctx: ServiceContext): Promise<TenantLimits> {
  const operator = ctx.tenantLimits ?? NO_OPERATOR_TENANT_LIMITS;
  const stored = await tenantLimitsRepository.findTenantLimits(ctx.db, ctx.tenantId);
  return resolveTenantLimits(stored, {
    ...operator,
    minIntervalSeconds: ctx.minIntervalSeconds,
    // The worker's own setting; nothing in the API reads it.
    maxChecksInFlight: null,
  });
}

/** Refuses a monitor whose interval or timeout is beyond the limits. */
export function assertMonitorWithinLimits(
  monitor: { interval: number; timeout: number },
  limits: TenantLimits,
): void {
  const violation = monitorLimitViolation(monitor, limits);
  if (violation) throw new AppError('invalid-input', violation);
}

/**
 * Refuses `adding` more monitors beyond the tenant's limit. Call it inside the transaction
 * that inserts them: the tenant's row stays locked until the commit, so two concurrent adds
 * cannot both take the last place.
 */
export async function assertRoomForMonitors(
  trx: Kysely<Database>,
  tenantId: number,
  limits: TenantLimits,
  adding: number,
): Promise<void> {
  if (limits.maxMonitors === null) return;
  await tenantRepository.lockTenant(trx, tenantId);
  const existing = await monitorRepository.countMonitors(trx, tenantId);
  const violation = monitorCountViolation(existing, adding, limits);
  if (violation) throw new AppError('invalid-input', violation);
}
