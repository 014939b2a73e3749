import type { MonitorSummary } from '@watchpost/core';
import { displayStatus, type DisplayStatus } from './format.js';

export type StatusCounts = Record<DisplayStatus, number>;

/** How many monitors are in each display state. */
export function countByStatus(monitors: Iterable<MonitorSummary>): StatusCounts {
  const counts: StatusCounts = {
    up: 0,
    down: 0,
    pending: 0,
    maintenance: 0,
    paused: 0,
    unknown: 0,
  };
  for (const monitor of monitors) counts[displayStatus(monitor)] += 1;
  return counts;
}
