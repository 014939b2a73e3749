import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import * as incidentRepository from './incident-repository.js';
import { publishStatusPageChange } from './publish-status-page-change.js';
import type { IncidentInput } from './status-page-input.js';
import { INCIDENT_SLUG_NOT_FOUND_MSG } from './status-page-texts.js';
import type { Incident } from './status-page.js';

/** `postIncident` (docs/protocol/status-pages.md): the page's one pinned incident, updated or created. */
export async function postIncident(
  ctx: ServiceContext,
  slug: string,
  input: IncidentInput,
): Promise<Incident> {
  const saved = await incidentRepository.postIncident(
    ctx.db,
    ctx.tenantId,
    slug,
    input,
    new Date(),
  );
  if (!saved) throw new AppError('not-found', INCIDENT_SLUG_NOT_FOUND_MSG);
  publishStatusPageChange(ctx);
  return saved;
}
