import type { ServiceContext } from '../services/service-context.js';
import { changeMonitorTagLinks } from './change-monitor-tag-links.js';
import * as tagRepository from './tag-repository.js';

/**
 * `editMonitorTag` (docs/protocol/tags.md#editmonitortag): sets the value of every link of this tag to this monitor;
 * none matching is still a success.
 */
export function editMonitorTag(
  ctx: ServiceContext,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  return changeMonitorTagLinks(ctx, tagRepository.editMonitorTag, tagId, monitorId, value);
}
