import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { NavLink } from 'react-router';
import { useDashboard } from '../../lib/dashboard-client.js';
import {
  displayStatus,
  formatPing,
  formatUptime,
  statusLabel,
  unpackBeats,
} from '../../lib/format.js';
import { strings } from '../../strings.js';

const ROW_HEIGHT = 64;

/** The monitor list, virtualised: only the rows on screen exist in the DOM. */
export function MonitorList() {
  const monitors = useDashboard((s) => s.monitors);
  const loaded = useDashboard((s) => s.monitorsLoaded);
  const rows = useMemo(
    () => [...monitors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [monitors],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <section className="monitor-list" aria-labelledby="monitor-list-title">
      <h2 id="monitor-list-title">{strings.list.title}</h2>
      {!loaded && <p role="status">{strings.common.loading}</p>}
      {loaded && rows.length === 0 && <p>{strings.list.empty}</p>}
      <div ref={scroller} className="monitor-list-scroller">
        <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const monitor = rows[item.index];
            if (!monitor) return null;
            const status = displayStatus(monitor);
            return (
              <li
                key={monitor.id}
                className="monitor-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
              >
                <NavLink to={`/dashboard/${monitor.id}`} className="monitor-link">
                  <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>
                  <span className="monitor-name">{monitor.name}</span>
                  <span className="monitor-figures">
                    {formatUptime(monitor.uptime24)} · {formatPing(monitor.ping)}
                  </span>
                  <span className="beat-bar" aria-hidden="true">
                    {unpackBeats(monitor.beats).map((beat, index) => (
                      <span key={index} className={`beat status-${beat}`} />
                    ))}
                  </span>
                </NavLink>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
