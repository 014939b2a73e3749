import type { MonitorSummary } from '@watchpost/core';
import { describe, expect, it } from 'vitest';
import {
  NO_FILTER,
  buildMonitorTree,
  countByStatus,
  matchesFilter,
  tagsInUse,
  visibleRows,
  type MonitorFilter,
} from './monitor-filters.js';

function summary(id: number, overrides: Partial<MonitorSummary> = {}): MonitorSummary {
  return {
    id,
    name: `m${id}`,
    type: 'http',
    active: true,
    parent: null,
    maintenance: false,
    target: null,
    tags: [],
    status: 1,
    ping: 10,
    uptime24: 1,
    beats: '',
    ...overrides,
  };
}

const byId = (...list: MonitorSummary[]) => new Map(list.map((m) => [m.id, m]));
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => [r.id, r.depth]);
const listRows = (
  monitors: ReadonlyMap<number, MonitorSummary>,
  filter: MonitorFilter,
  collapsed: ReadonlySet<number>,
) => visibleRows(buildMonitorTree(monitors), monitors, filter, collapsed);

describe('listRows', () => {
  const tree = byId(
    summary(1, { name: 'group', type: 'group' }),
    summary(2, { name: 'b child', parent: 1 }),
    summary(3, { name: 'a child', parent: 1 }),
    summary(4, { name: 'alone' }),
    summary(5, { name: 'orphan', parent: 99 }),
  );

  it('shows groups followed by their children, each level by name', () => {
    expect(ids(listRows(tree, NO_FILTER, new Set()))).toEqual([
      [4, 0],
      [1, 0],
      [3, 1],
      [2, 1],
      [5, 0],
    ]);
  });

  it('hides the children of a collapsed group', () => {
    expect(ids(listRows(tree, NO_FILTER, new Set([1])))).toEqual([
      [4, 0],
      [1, 0],
      [5, 0],
    ]);
  });

  it('hides nested groups with their collapsed parent and shows them again when expanded', () => {
    const nested = byId(
      summary(1, { name: 'outer', type: 'group' }),
      summary(2, { name: 'inner', type: 'group', parent: 1 }),
      summary(3, { name: 'leaf', parent: 2 }),
      summary(4, { name: 'zz after' }),
    );
    expect(ids(listRows(nested, NO_FILTER, new Set([2])))).toEqual([
      [1, 0],
      [2, 1],
      [4, 0],
    ]);
    expect(ids(listRows(nested, NO_FILTER, new Set([1, 2])))).toEqual([
      [1, 0],
      [4, 0],
    ]);
  });

  it('keeps the same row objects across rebuilds of the visible rows, so rows stay memoised', () => {
    const built = buildMonitorTree(tree);
    const first = visibleRows(built, tree, NO_FILTER, new Set([1]));
    const again = visibleRows(built, tree, NO_FILTER, new Set([1]));
    expect(again).not.toBe(first);
    again.forEach((row, i) => expect(row).toBe(first[i]));
  });

  it('lists the tags and types in use once, by name', () => {
    const built = buildMonitorTree(
      byId(
        summary(1, { type: 'port', tags: [{ tagId: 2, name: 'b', color: '#000', value: '' }] }),
        summary(2, { tags: [{ tagId: 1, name: 'a', color: '#000', value: 'x' }] }),
        summary(3, { tags: [{ tagId: 2, name: 'b', color: '#000', value: 'y' }] }),
      ),
    );
    expect(built.tags).toEqual([
      { tagId: 1, name: 'a' },
      { tagId: 2, name: 'b' },
    ]);
    expect(built.types).toEqual(['http', 'port']);
  });

  it('shows matches flat when filtering, whatever their group', () => {
    const rows = listRows(tree, { ...NO_FILTER, search: 'child' }, new Set([1]));
    expect(ids(rows)).toEqual([
      [3, 0],
      [2, 0],
    ]);
  });
});

describe('matchesFilter', () => {
  const tagged = summary(1, {
    name: 'Shop API',
    target: 'https://shop.example/health',
    tags: [{ tagId: 7, name: 'env', color: '#000', value: 'prod' }],
  });

  it('searches name, target and tags, every word', () => {
    expect(matchesFilter(tagged, { ...NO_FILTER, search: 'shop prod' })).toBe(true);
    expect(matchesFilter(tagged, { ...NO_FILTER, search: 'health' })).toBe(true);
    expect(matchesFilter(tagged, { ...NO_FILTER, search: 'shop staging' })).toBe(false);
  });

  it('filters by status, tag and type', () => {
    expect(matchesFilter(tagged, { ...NO_FILTER, status: 'up' })).toBe(true);
    expect(matchesFilter(tagged, { ...NO_FILTER, status: 'paused' })).toBe(false);
    expect(matchesFilter(tagged, { ...NO_FILTER, tagId: 7 })).toBe(true);
    expect(matchesFilter(tagged, { ...NO_FILTER, tagId: 8 })).toBe(false);
    expect(matchesFilter(tagged, { ...NO_FILTER, type: 'port' })).toBe(false);
  });
});

describe('countByStatus and tagsInUse', () => {
  it('counts each display state', () => {
    const counts = countByStatus([
      summary(1),
      summary(2, { status: 0 }),
      summary(3, { active: false }),
    ]);
    expect(counts).toMatchObject({ up: 1, down: 1, paused: 1, pending: 0, maintenance: 0 });
  });

  it('lists each tag once, by name', () => {
    const tag = (tagId: number, name: string) => ({ tagId, name, color: '', value: '' });
    expect(
      tagsInUse([
        summary(1, { tags: [tag(2, 'b'), tag(1, 'a')] }),
        summary(2, { tags: [tag(2, 'b')] }),
      ]),
    ).toEqual([
      { tagId: 1, name: 'a' },
      { tagId: 2, name: 'b' },
    ]);
  });
});
