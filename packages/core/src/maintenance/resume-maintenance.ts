import type { ServiceContext } from '../services/service-context.js';
import { setMaintenanceActive } from './set-maintenance-active.js';

/** docs/protocol/maintenance.md; the list push is left to `publish`, run after the reply. */
export function resumeMaintenance(
  ctx: ServiceContext,
  id: number,
): Promise<{ publish: () => Promise<void> }> {
  return setMaintenanceActive(ctx, id, true);
}
