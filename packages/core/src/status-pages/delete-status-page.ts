import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { publishStatusPageChange } from './publish-status-page-change.js';
import { pushStatusPageList } from './push-status-page-list.js';
import * as statusPageRepository from './status-page-repository.js';
import { PAGE_NOT_FOUND_MSG } from './status-page-texts.js';

/** docs/protocol/status-pages.md: the page with its groups, incidents and domains; the list push comes first. */
export async function deleteStatusPage(ctx: ServiceContext, slug: string): Promise<void> {
  if (!(await statusPageRepository.deleteStatusPage(ctx.db, ctx.tenantId, slug))) {
    throw new AppError('not-found', PAGE_NOT_FOUND_MSG);
  }
  publishStatusPageChange(ctx);
  await pushStatusPageList(ctx);
}
