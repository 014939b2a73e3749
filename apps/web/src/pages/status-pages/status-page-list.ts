import type { StatusPageConfig } from '@watchpost/core';
import type { DashboardState } from '../../lib/dashboard-state.js';

/**
 * The `statusPageList` push as a title-ordered list. The push is typed loosely in the event
 * map (an object keyed by id); its values are StatusPageConfig
 * (docs/protocol/status-pages.md#statuspageconfig).
 */
export function statusPagesOf(list: DashboardState['statusPages']): StatusPageConfig[] {
  return (Object.values(list ?? {}) as StatusPageConfig[]).sort((a, b) =>
    a.title.localeCompare(b.title),
  );
}
