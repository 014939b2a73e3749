import { AppError } from '../errors/app-error.js';
import { MONITOR_NOT_FOUND_MSG } from '../monitors/monitor-id.js';
import { pushMonitorList } from '../monitors/push-monitor-list.js';
import type { ServiceContext } from '../services/service-context.js';
import { TAG_NOT_FOUND_MSG } from './tag-input.js';
import * as tagRepository from './tag-repository.js';

/**
 * `addMonitorTag` (docs/protocol/tags.md#addmonitortag), tag first (docs/protocol/compatibility.md#argument-order). Upstream fails on its foreign keys for an
 * unknown tag or monitor; here with a plain text, the same for another tenant's ids.
 */
export async function addMonitorTag(
  ctx: ServiceContext,
  tagId: number,
  monitorId: number,
  value: string | null,
): Promise<void> {
  const result = await tagRepository.addMonitorTag(ctx.db, ctx.tenantId, tagId, monitorId, value);
  if (result === 'tag-not-found') throw new AppError('not-found', TAG_NOT_FOUND_MSG);
  if (result === 'monitor-not-found') throw new AppError('not-found', MONITOR_NOT_FOUND_MSG);
  // Upstream pushes nothing and Python re-reads the monitor; pushing as well keeps other
  // dashboards current and is harmless (docs/protocol/tags.md#tag-events).
  await pushMonitorList(ctx);
}
