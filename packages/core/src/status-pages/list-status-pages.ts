import type { ServiceContext } from '../services/service-context.js';
import * as statusPageRepository from './status-page-repository.js';
import type { StatusPageConfig } from './status-page-wire.js';

/** `statusPageList` (spec §5.8): the tenant's pages keyed by id. */
export function listStatusPages(ctx: ServiceContext): Promise<Record<string, StatusPageConfig>> {
  return statusPageRepository.listStatusPageConfigs(ctx.db, ctx.tenantId);
}
