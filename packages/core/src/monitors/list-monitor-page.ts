import type { ServiceContext } from '../services/service-context.js';
import { loadMonitorsOf } from './load-monitor-list.js';
import * as monitorRepository from './monitor-repository.js';

export type MonitorPageFilter = monitorRepository.MonitorPageFilter;

export interface MonitorPage {
  /** Kuma's monitor objects (docs/protocol/monitors.md#monitor-object) with their status, by id. */
  monitors: { monitor: Record<string, unknown>; status: number | null }[];
  /** The id the next page starts after, or null when no monitor after this page matches. */
  nextAfterId: number | null;
}

/**
 * One page of the tenant's monitors after `afterId` that match `filter`, by ascending id.
 * Filtered and cut in the database, so a page costs the same at 50 monitors as at 50,000.
 */
export async function listMonitorPage(
  ctx: ServiceContext,
  filter: MonitorPageFilter,
  afterId: number,
  limit: number,
): Promise<MonitorPage> {
  // One more than asked tells whether another page follows.
  const found = await monitorRepository.findMonitorPage(
    ctx.db,
    ctx.tenantId,
    filter,
    afterId,
    limit + 1,
  );
  const page = found.slice(0, limit);
  const objects = await loadMonitorsOf(
    ctx.db,
    ctx.tenantId,
    page.map((m) => m.id),
  );
  return {
    monitors: page.flatMap(({ id, status }) => {
      const monitor = objects[String(id)];
      return monitor ? [{ monitor, status }] : [];
    }),
    nextAfterId: found.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
