import { AppError } from '../errors/app-error.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import type { TagJson } from './tag.js';
import { TAG_NOT_FOUND_MSG, type TagEdit } from './tag-input.js';
import * as tagRepository from './tag-repository.js';

/**
 * `editTag` (docs/protocol/tags.md#edittag): replaces name and color; answers the stored tag. Not pushed upstream;
 * the monitors showing the tag get a fresh monitorList (before the ack, docs/protocol/transport.md#pushes-and-rooms) so other open
 * dashboards show the new name and color.
 */
export async function editTag(ctx: ServiceContext, { id, ...input }: TagEdit): Promise<TagJson> {
  const saved = await tagRepository.updateTag(ctx.db, ctx.tenantId, id, input);
  if (!saved) throw new AppError('not-found', TAG_NOT_FOUND_MSG);
  if (saved.linked) await pushMonitorList(ctx);
  return saved.tag;
}
