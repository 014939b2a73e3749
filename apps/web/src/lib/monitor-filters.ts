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

/** What the list's search box and filters ask for; empty values match everything. */
export interface MonitorFilter {
  search: string;
  status: DisplayStatus | '';
  tagId: number | null;
  type: string;
}

export const NO_FILTER: MonitorFilter = { search: '', status: '', tagId: null, type: '' };

export function isFiltering(filter: MonitorFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.status !== '' ||
    filter.tagId !== null ||
    filter.type !== ''
  );
}

/** Whether a monitor matches: the search looks at the name, the target and tag names and values. */
export function matchesFilter(monitor: MonitorSummary, filter: MonitorFilter): boolean {
  if (filter.status && displayStatus(monitor) !== filter.status) return false;
  if (filter.type && monitor.type !== filter.type) return false;
  if (filter.tagId !== null && !monitor.tags.some((t) => t.tagId === filter.tagId)) return false;
  const words = filter.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    monitor.name,
    monitor.target ?? '',
    ...monitor.tags.flatMap((t) => [t.name, t.value]),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** One line of the list: a monitor at its depth in the group tree. */
export interface MonitorRow {
  monitor: MonitorSummary;
  depth: number;
  /** A group with children in the list (shows the expand/collapse button). */
  hasChildren: boolean;
}

// One collator for every comparison: `localeCompare` builds one per call, which costs most
// of the sort at 5,000 monitors.
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: MonitorSummary, b: MonitorSummary) =>
  collator.compare(a.name, b.name) || a.id - b.id;

/**
 * The rows to show. Without a filter, the group tree (as in Kuma's list): top-level monitors
 * by name, each group followed by its children unless collapsed. With a filter, the matching
 * monitors as a flat list, since a match's group may not match.
 */
export function listRows(
  monitors: ReadonlyMap<number, MonitorSummary>,
  filter: MonitorFilter,
  collapsed: ReadonlySet<number>,
): MonitorRow[] {
  const all = [...monitors.values()];
  if (isFiltering(filter)) {
    return all
      .filter((m) => matchesFilter(m, filter))
      .sort(byName)
      .map((monitor) => ({ monitor, depth: 0, hasChildren: false }));
  }
  const children = new Map<number | null, MonitorSummary[]>();
  for (const monitor of all) {
    // A parent the tenant no longer has puts the monitor at the top level.
    const parent = monitor.parent !== null && monitors.has(monitor.parent) ? monitor.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), monitor]);
  }
  const rows: MonitorRow[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const monitor of (children.get(parent) ?? []).sort(byName)) {
      if (seen.has(monitor.id)) continue; // a cycle in the tree would loop forever
      seen.add(monitor.id);
      const hasChildren = (children.get(monitor.id)?.length ?? 0) > 0;
      rows.push({ monitor, depth, hasChildren });
      if (hasChildren && !collapsed.has(monitor.id)) visit(monitor.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** Every tag that some monitor carries, by name, for the tag filter. */
export function tagsInUse(monitors: Iterable<MonitorSummary>): { tagId: number; name: string }[] {
  const tags = new Map<number, string>();
  for (const monitor of monitors) for (const tag of monitor.tags) tags.set(tag.tagId, tag.name);
  return [...tags]
    .map(([tagId, name]) => ({ tagId, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every monitor type in use, sorted, for the type filter. */
export function typesInUse(monitors: Iterable<MonitorSummary>): string[] {
  return [...new Set([...monitors].map((m) => m.type))].sort();
}
