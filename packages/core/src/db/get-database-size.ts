import type { ServiceContext } from '../services/service-context.js';
import { getDatabaseSize as measureDatabase } from './database-size.js';

/**
 * `getDatabaseSize` (docs/protocol/settings.md#getdatabasesize): the whole database's size in bytes (see database-size.ts for
 * why not the tenant's share).
 */
export function getDatabaseSize(ctx: ServiceContext): Promise<number> {
  return measureDatabase(ctx.db);
}
