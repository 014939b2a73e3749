import type { ServiceContext } from '../services/service-context.js';
import { clearTenantStatistics } from './heartbeat-repository.js';

/** Spec §3.1 `clearStatistics`: every beat and aggregate of the tenant's monitors; no push. */
export function clearStatistics(ctx: ServiceContext): Promise<void> {
  return clearTenantStatistics(ctx.db, ctx.tenantId);
}
