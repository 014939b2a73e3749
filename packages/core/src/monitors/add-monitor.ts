import { z } from 'zod';
import { inTransaction } from '../db/in-transaction.js';
import { assertOwnProxy } from '../proxies/assert-own-proxy.js';
import { assertRoomForMonitors, loadTenantLimits } from '../tenant-limits/enforce-tenant-limits.js';
import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorList } from './load-monitor-list.js';
import { announceActivity } from './monitor-activity.js';
import * as monitorRepository from './monitor-repository.js';
import { assertValidParent, parseMonitorInput, withPushTokenCheck } from './monitor-write-rules.js';

// `active` is the one key `add` reads that is not a stored field (docs/protocol/monitors.md#monitorinput: false = paused).
const addFlagsSchema = z.object({ active: z.unknown().optional() });

/**
 * `add` (docs/protocol/monitors.md#add): stores a monitor from Kuma's monitor object, starts it unless it came with
 * `active: false`, and pushes `monitorList` to the tenant's room (before the caller answers,
 * docs/protocol/transport.md#pushes-and-rooms, docs/protocol/transport.md#timing-and-ordering). Answers the new monitor's id.
 */
export async function addMonitor(
  ctx: ServiceContext,
  payload: unknown,
): Promise<{ monitorId: number }> {
  const limits = await loadTenantLimits(ctx);
  const input = parseMonitorInput(payload, limits);
  await assertValidParent(ctx, input.parent);
  await assertOwnProxy(ctx, input.proxyId);
  const active = addFlagsSchema.parse(payload).active !== false;
  const monitorId = await withPushTokenCheck(
    inTransaction(ctx.db, async (trx) => {
      await assertRoomForMonitors(trx, ctx.tenantId, limits, 1);
      return monitorRepository.insertMonitor(trx, ctx.tenantId, input, active);
    }),
  );
  const after = await loadMonitorList(ctx.db, ctx.tenantId);
  // A new monitor changes nothing else's activity.
  announceActivity(ctx, monitorId, after, after);
  ctx.events.emit(ctx.tenantId, 'monitorList', after);
  return { monitorId };
}
