import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import * as tagRepository from './tag-repository.js';

/**
 * `deleteTag` (docs/protocol/tags.md#deletetag): no existence check, so an unknown id (or another tenant's) is a
 * success that changes nothing; the Python client checks existence itself (docs/protocol/compatibility.md#what-the-python-client-does-itself).
 */
export async function deleteTag(ctx: ServiceContext, id: number): Promise<void> {
  const { unlinkedCount } = await tagRepository.deleteTag(ctx.db, ctx.tenantId, id);
  if (unlinkedCount > 0) await pushMonitorList(ctx);
}
