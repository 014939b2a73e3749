import { useEffect, useState } from 'react';
import { Button } from '../../components/button.js';
import { request } from '../../lib/dashboard-client.js';
import { errorMessage } from '../../lib/emit-with-ack.js';
import { beatStatus, statusLabel } from '../../lib/format.js';
import { strings } from '../../strings.js';
import { formatBeatTime } from './beat-time.js';

const t = strings.monitor.page;
const PAGE_SIZE = 25;

interface ImportantBeat {
  status: number;
  time: string;
  msg: string;
}

/**
 * The monitor's important events, newest first, a page at a time
 * (docs/protocol/monitors.md#monitorimportantheartbeatlistpaged). `refreshKey` changes when a
 * new important beat arrives or the events were cleared.
 */
export function ImportantEvents({
  monitorId,
  refreshKey,
}: {
  monitorId: number;
  refreshKey: number;
}) {
  const [page, setPage] = useState(0);
  const [count, setCount] = useState(0);
  const [events, setEvents] = useState<ImportantBeat[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      request('monitorImportantHeartbeatListCount', monitorId),
      request('monitorImportantHeartbeatListPaged', monitorId, page * PAGE_SIZE, PAGE_SIZE),
    ])
      .then(([counted, paged]) => {
        if (cancelled) return;
        setCount(Number(counted.count));
        setEvents(paged.data as ImportantBeat[]);
        setError(null);
      })
      .catch((failure: unknown) => !cancelled && setError(errorMessage(failure)));
    return () => {
      cancelled = true;
    };
  }, [monitorId, page, refreshKey]);

  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return (
    <section aria-labelledby="events-title" className="stack">
      <h2 id="events-title" className="card-title">
        {t.events}
      </h2>
      {error && <p className="field-error">{error}</p>}
      {events?.length === 0 && <p>{t.noEvents}</p>}
      {events && events.length > 0 && (
        <table className="event-table">
          <thead>
            <tr>
              <th scope="col">{t.eventStatus}</th>
              <th scope="col">{t.eventTime}</th>
              <th scope="col">{t.eventMessage}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => {
              const status = beatStatus(event.status);
              return (
                <tr key={`${event.time}:${index}`}>
                  <td>
                    <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>
                  </td>
                  <td>{formatBeatTime(event.time)}</td>
                  <td>{event.msg}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="pager">
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t.previousPage}
          </Button>
          <span>{t.pageOf(page + 1, pages)}</span>
          <Button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t.nextPage}
          </Button>
        </div>
      )}
    </section>
  );
}
