import { AppError } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { pushStatusPageList } from './push-status-page-list.js';
import { parseNewStatusPage } from './status-page-input.js';
import * as statusPageRepository from './status-page-repository.js';
import { SLUG_TAKEN_MSG } from './status-page-texts.js';

/** `addStatusPage(title, slug)` (docs/protocol/status-pages.md, title first); answers the new page's id. */
export async function addStatusPage(
  ctx: ServiceContext,
  title: unknown,
  slug: unknown,
): Promise<number> {
  const parsed = parseNewStatusPage(title, slug);
  if (!parsed.ok) throw new AppError('invalid-input', parsed.msg);
  const id = await statusPageRepository.createStatusPage(ctx.db, ctx.tenantId, parsed);
  if (id === undefined) throw new AppError('conflict', SLUG_TAKEN_MSG);
  await pushStatusPageList(ctx);
  return id;
}
