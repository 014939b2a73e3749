import { useMemo } from 'react';
import { useDashboard } from '../lib/dashboard-client.js';
import { countByStatus } from '../lib/monitor-filters.js';
import { strings } from '../strings.js';

const SHOWN = ['up', 'down', 'pending', 'maintenance', 'paused'] as const;

/** The header's counts of monitors by state; colour is never the only signal, text says it. */
export function StatusCounts() {
  const monitors = useDashboard((s) => s.monitors);
  const counts = useMemo(() => countByStatus(monitors.values()), [monitors]);
  return (
    <ul className="status-counts" aria-label={strings.list.counts}>
      {SHOWN.map((status) => (
        <li key={status} className={`count status-${status}`}>
          <span className="count-value">{counts[status]}</span> {strings.status[status]}
        </li>
      ))}
    </ul>
  );
}
