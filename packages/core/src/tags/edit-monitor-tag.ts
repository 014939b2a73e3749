import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as tagRepository from './tag-repository.js';

/**
 * Spec §3.2 `editMonitorTag`: sets the value of every link of this tag to this monitor;
 * none matching is still a success.
 */
export async function editMonitorTag(
  ctx: ServiceContext,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  const { db, tenantId } = ctx;
  const edited = await tagRepository.editMonitorTag(db, tenantId, tagId, monitorId, value);
  if (edited > 0) await pushMonitorList(ctx);
}
