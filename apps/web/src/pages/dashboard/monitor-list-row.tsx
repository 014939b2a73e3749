import { memo } from 'react';
import { NavLink } from 'react-router';
import type { MonitorRow } from '../../lib/monitor-filters.js';
import {
  displayStatus,
  formatPing,
  formatUptime,
  statusLabel,
  unpackBeats,
} from '../../lib/format.js';
import { strings } from '../../strings.js';

export const ROW_HEIGHT = 68;
const INDENT_REM = 1.25;

interface MonitorListRowProps {
  row: MonitorRow;
  top: number;
  selected: boolean;
  collapsed: boolean;
  onSelect: (id: number) => void;
  onToggleGroup: (id: number) => void;
}

/**
 * One monitor: select box, group toggle, status (text, not colour alone), name, tags,
 * figures and the last beats. Memoised: a beat re-renders only its own row.
 */
export const MonitorListRow = memo(function MonitorListRow(props: MonitorListRowProps) {
  const { row, top, selected, collapsed, onSelect, onToggleGroup } = props;
  const { monitor } = row;
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
      <NavLink
        to={`/dashboard/${monitor.id}`}
        className="monitor-link"
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
        <span className="beat-bar" aria-hidden="true">
          {unpackBeats(monitor.beats).map((beat, index) => (
            <span key={index} className={`beat status-${beat}`} />
          ))}
        </span>
      </NavLink>
    </li>
  );
});
