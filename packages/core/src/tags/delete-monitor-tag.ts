import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as tagRepository from './tag-repository.js';

/**
 * Spec §3.2 `deleteMonitorTag`: removes the links matching tag, monitor and value; none
 * matching is still a success.
 */
export async function deleteMonitorTag(
  ctx: ServiceContext,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  const { db, tenantId } = ctx;
  const deleted = await tagRepository.deleteMonitorTag(db, tenantId, tagId, monitorId, value);
  if (deleted > 0) await pushMonitorList(ctx);
}
