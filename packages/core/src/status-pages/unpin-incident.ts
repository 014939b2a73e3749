import type { ServiceContext } from '../services/service-context.js';
import * as incidentRepository from './incident-repository.js';
import { publishStatusPageChange } from './publish-status-page-change.js';

/** `unpinIncident`: no error for an unknown slug (docs/protocol/status-pages.md). */
export async function unpinIncident(ctx: ServiceContext, slug: string): Promise<void> {
  await incidentRepository.unpinIncident(ctx.db, ctx.tenantId, slug);
  publishStatusPageChange(ctx);
}
