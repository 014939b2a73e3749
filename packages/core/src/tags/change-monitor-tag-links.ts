import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import type * as tagRepository from './tag-repository.js';

/** A repository change of the tenant's links of one tag to one monitor; answers how many. */
type LinkChange = typeof tagRepository.editMonitorTag | typeof tagRepository.deleteMonitorTag;

/**
 * Applies `change` and pushes the monitor list, which shows the tags, only when a link
 * changed: none matching is still a success (docs/protocol/tags.md#tag-events), with nothing new to show.
 */
export async function changeMonitorTagLinks(
  ctx: ServiceContext,
  change: LinkChange,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  const changed = await change(ctx.db, ctx.tenantId, tagId, monitorId, value);
  if (changed > 0) await pushMonitorList(ctx);
}
