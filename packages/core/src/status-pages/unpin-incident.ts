import type { ServiceContext } from '../services/service-context.js';
import * as incidentRepository from './incident-repository.js';
import { publishStatusPageChange } from './publish-status-page-change.js';

/** `unpinIncident`: no error for an unknown slug (spec §3.6). */
export async function unpinIncident(ctx: ServiceContext, slug: string): Promise<void> {
  await incidentRepository.unpinIncident(ctx.db, ctx.tenantId, slug);
  publishStatusPageChange(ctx);
}
