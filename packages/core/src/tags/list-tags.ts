import * as tagRepository from './tag-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TagJson } from './tag.js';

/**
 * `getTags` (docs/protocol/tags.md#gettags): the tenant's tags only (upstream's are global, here each tenant has
 * its own).
 */
export function listTags(ctx: ServiceContext): Promise<TagJson[]> {
  return tagRepository.listTags(ctx.db, ctx.tenantId);
}
