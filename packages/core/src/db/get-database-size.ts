import type { ServiceContext } from '../services/service-context.js';
import { getDatabaseSize as measureDatabase } from './database-size.js';

/**
 * Spec §3.9 `getDatabaseSize`: the whole database's size in bytes (see database-size.ts for
 * why not the tenant's share).
 */
export function getDatabaseSize(ctx: ServiceContext): Promise<number> {
  return measureDatabase(ctx.db);
}
