import type { ServiceContext } from '../services/service-context.js';
import * as statusPageRepository from './status-page-repository.js';
import type { StatusPageConfig } from './status-page-wire.js';

/** `statusPageList` (docs/protocol/status-pages.md#object-shapes): the tenant's pages keyed by id. */
export function listStatusPages(ctx: ServiceContext): Promise<Record<string, StatusPageConfig>> {
  return statusPageRepository.listStatusPageConfigs(ctx.db, ctx.tenantId);
}
