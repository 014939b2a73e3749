import { useDashboard } from '../lib/dashboard-client.js';
import { strings } from '../strings.js';

/** Says so while the socket is down; the client reconnects and resynchronises by itself. */
export function ConnectionBanner() {
  const connection = useDashboard((s) => s.connection);
  if (connection === 'connected') return null;
  return (
    <div className="connection-banner" role="status">
      {connection === 'connecting'
        ? strings.connection.connecting
        : strings.connection.reconnecting}
    </div>
  );
}
