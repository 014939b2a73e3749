import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { useDashboard } from '../../lib/dashboard-client.js';
import {
  NO_FILTER,
  isFiltering,
  visibleRows,
  type MonitorFilter,
} from '../../lib/monitor-filters.js';
import { strings } from '../../strings.js';
import { BulkActions } from './bulk-actions.js';
import { MonitorFilters } from './monitor-filters.js';
import { MonitorListRow, ROW_HEIGHT } from './monitor-list-row.js';

/**
 * The monitor list (Kuma's left column): search, filters, collapsible groups, bulk
 * pause/resume. Virtualised: only the rows on screen exist in the DOM, so 5,000 monitors
 * scroll like 50.
 */
export function MonitorList() {
  const tree = useDashboard((s) => s.monitorTree);
  const loaded = useDashboard((s) => s.monitorsLoaded);
  const [filter, setFilter] = useState<MonitorFilter>(NO_FILTER);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Only a filter looks at what beats change (status, and the summaries it searches); without
  // one the list re-renders on a change of the tree, not on every batch of beats.
  const filtering = isFiltering(filter);
  const monitors = useDashboard((s) => (filtering ? s.monitors : null));

  const rows = useMemo(
    () => visibleRows(tree, monitors ?? new Map(), filter, collapsed),
    [tree, monitors, filter, collapsed],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Enough for a fast wheel; every extra row is mounted on each jump of the scrollbar.
    overscan: 5,
  });

  // The rows' links are plain anchors; one handler opens them in the app. A click with a
  // modifier or another button keeps the browser's own behaviour (a new tab, a new window).
  const navigate = useNavigate();
  const openId = Number(useMatch('/dashboard/:id')?.params.id);
  const openMonitor = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      const link = (event.target as Element).closest('a.monitor-link');
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      void navigate(link.pathname);
    },
    [navigate],
  );

  // Stable callbacks keep the memoised rows from re-rendering on every scroll step.
  const selectRow = useCallback((id: number) => setSelected((s) => toggled(s, id)), []);
  const toggleGroup = useCallback((id: number) => setCollapsed((c) => toggled(c, id)), []);
  const allShownSelected = useMemo(
    () => rows.length > 0 && rows.every((r) => selected.has(r.id)),
    [rows, selected],
  );

  return (
    <section className="monitor-list" aria-labelledby="monitor-list-title">
      <h2 id="monitor-list-title">{strings.list.title}</h2>
      <MonitorFilters filter={filter} onChange={setFilter} tags={tree.tags} types={tree.types} />
      <div className="list-toolbar">
        <label className="select-all">
          <input
            type="checkbox"
            checked={allShownSelected}
            disabled={rows.length === 0}
            onChange={() =>
              setSelected(allShownSelected ? new Set() : new Set(rows.map((r) => r.id)))
            }
          />
          {strings.list.selectAll}
        </label>
        {selected.size > 0 && <BulkActions ids={selected} onDone={() => setSelected(new Set())} />}
      </div>
      {!loaded && <p role="status">{strings.common.loading}</p>}
      {loaded && tree.rows.length === 0 && <p>{strings.list.empty}</p>}
      {loaded && tree.rows.length > 0 && rows.length === 0 && <p>{strings.list.noMatch}</p>}
      <div ref={scroller} className="monitor-list-scroller">
        <ul
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          onClick={openMonitor}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <MonitorListRow
                key={row.id}
                row={row}
                top={item.start}
                active={row.id === openId}
                selected={selected.has(row.id)}
                collapsed={collapsed.has(row.id)}
                onSelect={selectRow}
                onToggleGroup={toggleGroup}
              />
            );
          })}
        </ul>
      </div>
    </section>
  );
}

function toggled(set: ReadonlySet<number>, id: number): ReadonlySet<number> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
