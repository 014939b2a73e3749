import type { ServiceContext } from '../services/service-context.js';
import * as maintenanceRepository from './maintenance-repository.js';
import { toMaintenanceJson, type MaintenanceJson } from './maintenance-wire.js';

/** docs/protocol/maintenance.md#maintenance-object / docs/protocol/compatibility.md#other-details: the tenant's windows keyed by id, `{}` when none. */
export async function listMaintenances(
  ctx: ServiceContext,
): Promise<Record<string, MaintenanceJson>> {
  const now = Date.now();
  const list: Record<string, MaintenanceJson> = {};
  for (const m of await maintenanceRepository.listMaintenances(ctx.db, ctx.tenantId)) {
    list[String(m.id)] = toMaintenanceJson(m, now);
  }
  return list;
}
