import { memo } from 'react';
import { useDashboard } from '../../lib/dashboard-client.js';
import type { MonitorRow } from '../../lib/monitor-filters.js';
import { displayStatus, formatPing, formatUptime, statusLabel } from '../../lib/format.js';
import { strings } from '../../strings.js';
import { BeatBar } from './beat-bar.js';

export const ROW_HEIGHT = 68;
const INDENT_REM = 1.25;

interface MonitorListRowProps {
  row: MonitorRow;
  top: number;
  /** The monitor whose page is open. */
  active: boolean;
  selected: boolean;
  collapsed: boolean;
  onSelect: (id: number) => void;
  onToggleGroup: (id: number) => void;
}

/**
 * One monitor: select box, group toggle, status (text, not colour alone), name, tags,
 * figures and the last beats. Memoised, and it reads its own monitor from the store: a beat
 * re-renders only its own row, and scrolling re-renders only the rows that come into view.
 */
export const MonitorListRow = memo(function MonitorListRow(props: MonitorListRowProps) {
  const { row, top, active, selected, collapsed, onSelect, onToggleGroup } = props;
  const monitor = useDashboard((s) => s.monitors.get(row.id));
  // Removed since the list's rows were computed; the next render drops the row.
  if (!monitor) return null;
  const status = displayStatus(monitor);
  const uptime = formatUptime(monitor.uptime24);
  const ping = formatPing(monitor.ping);
  return (
    <li
      className="monitor-row"
      style={{
        transform: `translateY(${top}px)`,
        height: ROW_HEIGHT,
        paddingLeft: `${row.depth * INDENT_REM}rem`,
      }}
    >
      <input
        type="checkbox"
        className="row-select"
        checked={selected}
        onChange={() => onSelect(monitor.id)}
        aria-label={strings.list.select(monitor.name)}
      />
      {row.hasChildren ? (
        <button
          type="button"
          className="group-toggle"
          aria-expanded={!collapsed}
          aria-label={
            collapsed
              ? strings.list.expandGroup(monitor.name)
              : strings.list.collapseGroup(monitor.name)
          }
          onClick={() => onToggleGroup(monitor.id)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="group-toggle-spacer" />
      )}
      {/* A plain link: MonitorList opens it in the app (see openMonitor), so a row mounted
          while scrolling costs no router hooks and a navigation re-renders two rows, not all. */}
      <a
        href={`/dashboard/${monitor.id}`}
        className={active ? 'monitor-link active' : 'monitor-link'}
        aria-current={active ? 'page' : undefined}
        aria-description={strings.list.rowSummary(statusLabel(status), uptime, ping)}
      >
        <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>
        <span className="monitor-name">{monitor.name}</span>
        <span className="monitor-figures">
          <span title={strings.list.uptime24}>{uptime}</span> ·{' '}
          <span title={strings.list.latestPing}>{ping}</span>
        </span>
        <span className="monitor-tags">
          {monitor.tags.map((tag, index) => (
            <span key={`${tag.tagId}-${index}`} className="tag" style={{ borderColor: tag.color }}>
              {tag.value ? `${tag.name}: ${tag.value}` : tag.name}
            </span>
          ))}
        </span>
        <BeatBar beats={monitor.beats} />
      </a>
    </li>
  );
});
