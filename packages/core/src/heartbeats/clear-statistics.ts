import type { ServiceContext } from '../services/service-context.js';
import { clearTenantStatistics } from './heartbeat-repository.js';

/** `clearStatistics` (docs/protocol/monitors.md#clearstatistics): every beat and aggregate of the tenant's monitors; no push. */
export function clearStatistics(ctx: ServiceContext): Promise<void> {
  return clearTenantStatistics(ctx.db, ctx.tenantId);
}
