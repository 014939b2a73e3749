import * as tagRepository from './tag-repository.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TagJson } from './tag.js';
import type { TagInput } from './tag-input.js';

/** `addTag` (docs/protocol/tags.md#addtag): no push; nothing shows a tag until it is linked. */
export function addTag(ctx: ServiceContext, input: TagInput): Promise<TagJson> {
  return tagRepository.createTag(ctx.db, ctx.tenantId, input);
}
