import type { ServiceContext } from '../services/service-context.js';
import { changeMonitorTagLinks } from './change-monitor-tag-links.js';
import * as tagRepository from './tag-repository.js';

/**
 * `deleteMonitorTag` (docs/protocol/tags.md#deletemonitortag): removes the links matching tag, monitor and value; none
 * matching is still a success.
 */
export function deleteMonitorTag(
  ctx: ServiceContext,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  return changeMonitorTagLinks(ctx, tagRepository.deleteMonitorTag, tagId, monitorId, value);
}
