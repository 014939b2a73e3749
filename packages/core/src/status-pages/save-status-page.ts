import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from './publish-status-page-change.js';
import { pushStatusPageList } from './push-status-page-list.js';
import type { LogoInput, PublicGroupInput, StatusPageConfigInput } from './status-page-input.js';
import * as statusPageRepository from './status-page-repository.js';

export interface SaveStatusPageRequest {
  config: StatusPageConfigInput;
  logo: LogoInput;
  groups: readonly PublicGroupInput[];
}

/**
 * `saveStatusPage` (docs/protocol/status-pages.md): all or nothing; answers each group's id in input order. The
 * list push reaches the room before the caller's reply.
 */
export async function saveStatusPage(
  ctx: ServiceContext,
  slug: string,
  request: SaveStatusPageRequest,
): Promise<number[]> {
  const ids = await statusPageRepository.saveStatusPage(ctx.db, ctx.tenantId, slug, {
    ...request,
    now: new Date(),
  });
  publishStatusPageChange(ctx);
  await pushStatusPageList(ctx);
  return ids;
}
