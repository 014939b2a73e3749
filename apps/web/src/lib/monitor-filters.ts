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

// The search's text of a monitor, built once per summary object: a beat makes a new summary,
// so only the monitors that changed pay for it again.
const searchTexts = new WeakMap<MonitorSummary, string>();

function searchText(monitor: MonitorSummary): string {
  let text = searchTexts.get(monitor);
  if (text === undefined) {
    text = [monitor.name, monitor.target ?? '', ...monitor.tags.flatMap((t) => [t.name, t.value])]
      .join(' ')
      .toLowerCase();
    searchTexts.set(monitor, text);
  }
  return text;
}

/** Whether a monitor matches: the search looks at the name, the target and tag names and values. */
export function matchesFilter(monitor: MonitorSummary, filter: MonitorFilter): boolean {
  if (filter.status && displayStatus(monitor) !== filter.status) return false;
  if (filter.type && monitor.type !== filter.type) return false;
  if (filter.tagId !== null && !monitor.tags.some((t) => t.tagId === filter.tagId)) return false;
  const words = filter.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(monitor);
  return words.every((word) => text.includes(word));
}

/**
 * One line of the list: a monitor (by id) at its depth in the group tree. The objects are made
 * once per tree, so a memoised row sees the same one across beats and scrolling.
 */
export interface MonitorRow {
  id: number;
  depth: number;
  /** A group with children in the list (shows the expand/collapse button). */
  hasChildren: boolean;
}

/**
 * The list's order, which only names, groups and membership decide: built once per change of
 * those (docs/protocol/dashboard.md#monitormetadelta), never per beat.
 */
export interface MonitorTree {
  /** Every monitor in tree order: top level by name, each group followed by its children. */
  rows: readonly MonitorRow[];
  /** Every monitor by name, flat, for the filtered list. */
  flat: readonly MonitorRow[];
  /** Every tag some monitor carries, by name, for the tag filter. */
  tags: readonly { tagId: number; name: string }[];
  /** Every monitor type in use, sorted, for the type filter. */
  types: readonly string[];
}

export const EMPTY_TREE: MonitorTree = { rows: [], flat: [], tags: [], types: [] };

// One collator for every comparison: `localeCompare` builds one per call, which costs most
// of the sort at 5,000 monitors.
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: MonitorSummary, b: MonitorSummary) =>
  collator.compare(a.name, b.name) || a.id - b.id;

export function buildMonitorTree(monitors: ReadonlyMap<number, MonitorSummary>): MonitorTree {
  const sorted = [...monitors.values()].sort(byName);
  const children = new Map<number | null, MonitorSummary[]>();
  for (const monitor of sorted) {
    // A parent the tenant no longer has puts the monitor at the top level.
    const parent = monitor.parent !== null && monitors.has(monitor.parent) ? monitor.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(monitor);
    else children.set(parent, [monitor]);
  }
  const rows: MonitorRow[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const monitor of children.get(parent) ?? []) {
      if (seen.has(monitor.id)) continue; // a cycle in the tree would loop forever
      seen.add(monitor.id);
      const hasChildren = (children.get(monitor.id)?.length ?? 0) > 0;
      rows.push({ id: monitor.id, depth, hasChildren });
      if (hasChildren) visit(monitor.id, depth + 1);
    }
  };
  visit(null, 0);
  return {
    rows,
    flat: sorted.map((m) => ({ id: m.id, depth: 0, hasChildren: false })),
    tags: tagsInUse(sorted),
    types: [...new Set(sorted.map((m) => m.type))].sort(),
  };
}

/**
 * The rows to show. Without a filter, the tree without the children of collapsed groups;
 * with a filter, the matching monitors as a flat list by name, since a match's group may not
 * match.
 */
export function visibleRows(
  tree: MonitorTree,
  monitors: ReadonlyMap<number, MonitorSummary>,
  filter: MonitorFilter,
  collapsed: ReadonlySet<number>,
): readonly MonitorRow[] {
  if (isFiltering(filter)) {
    return tree.flat.filter((row) => {
      const monitor = monitors.get(row.id);
      return monitor !== undefined && matchesFilter(monitor, filter);
    });
  }
  if (collapsed.size === 0) return tree.rows;
  const rows: MonitorRow[] = [];
  let hiddenBelow = Infinity; // rows deeper than this belong to a collapsed group
  for (const row of tree.rows) {
    if (row.depth > hiddenBelow) continue;
    hiddenBelow = Infinity;
    rows.push(row);
    if (row.hasChildren && collapsed.has(row.id)) hiddenBelow = row.depth;
  }
  return rows;
}

/** Every tag that some monitor carries, by name. */
export function tagsInUse(monitors: Iterable<MonitorSummary>): { tagId: number; name: string }[] {
  const tags = new Map<number, string>();
  for (const monitor of monitors) for (const tag of monitor.tags) tags.set(tag.tagId, tag.name);
  return [...tags]
    .map(([tagId, name]) => ({ tagId, name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
