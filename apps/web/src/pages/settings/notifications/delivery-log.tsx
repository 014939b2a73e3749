import { useState } from 'react';
import { Button } from '../../../components/button.js';
import { FormError } from '../../../components/form-error.js';
import { request, useDashboard } from '../../../lib/dashboard-client.js';
import { useSubmit } from '../../../lib/use-submit.js';
import { strings } from '../../../strings.js';

const s = strings.settings.notifications;

/** One entry of `getNotificationDeliveries` (docs/protocol/notifications.md#getnotificationdeliveries). */
interface Delivery {
  id: number;
  notificationId: number;
  monitorId: number | null;
  kind: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** The last deliveries with their outcome, fetched when asked for. */
export function DeliveryLog() {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const notifications = useDashboard((state) => state.notifications);
  const monitors = useDashboard((state) => state.monitors);
  const submit = useSubmit();
  const nameOf = (id: number) => notifications?.find((n) => n.id === id)?.name ?? `#${id}`;

  async function load() {
    await submit.run(async () => {
      setDeliveries((await request('getNotificationDeliveries')).deliveries as Delivery[]);
    });
  }

  return (
    <div className="card stack">
      <div className="section-header">
        <h3>{s.deliveries}</h3>
        <Button busy={submit.busy} onClick={() => void load()}>
          {deliveries === null ? s.showDeliveries : s.refreshDeliveries}
        </Button>
      </div>
      <FormError message={submit.errorOf('form')} />
      {deliveries?.length === 0 && <p>{s.noDeliveries}</p>}
      {deliveries && deliveries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{s.deliveries}</caption>
            <thead>
              <tr>
                <th scope="col">{s.deliveryTime}</th>
                <th scope="col">{s.deliveryNotification}</th>
                <th scope="col">{s.deliveryMonitor}</th>
                <th scope="col">{s.deliveryStatus}</th>
                <th scope="col">{s.deliveryAttempts}</th>
                <th scope="col">{s.deliveryError}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{new Date(d.createdAt).toLocaleString()}</td>
                  <td>{nameOf(d.notificationId)}</td>
                  <td>
                    {d.kind === 'cert-expiry'
                      ? s.certExpiry
                      : d.monitorId === null
                        ? ''
                        : (monitors.get(d.monitorId)?.name ?? `#${d.monitorId}`)}
                  </td>
                  <td>{s.deliveryStatuses[d.status]}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
