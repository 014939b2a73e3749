import type { ServiceContext } from '../services/service-context.js';
import { vacuumDatabase } from './database-size.js';

/** `shrinkDatabase` (docs/protocol/settings.md#shrinkdatabase): a plain VACUUM, shared by concurrent callers on one node. */
export function shrinkDatabase(ctx: ServiceContext): Promise<void> {
  return vacuumDatabase(ctx.db);
}
