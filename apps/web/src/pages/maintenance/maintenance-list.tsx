import { useState } from 'react';
import { Link } from 'react-router';
import type { MaintenanceJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { Page, Row } from '../../components/layout.js';
import { ConfirmDialog } from '../../components/modal.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { useAction } from '../../lib/use-action.js';
import { strings } from '../../strings.js';

const s = strings.maintenance;
const STATUS_CLASS = {
  'under-maintenance': 'status-maintenance',
  scheduled: 'status-pending',
  inactive: 'status-paused',
  ended: 'status-unknown',
  unknown: 'status-unknown',
} as const;

/** The `maintenanceList` push as a list, by title (its values are MaintenanceJson). */
function maintenancesOf(list: Record<string, unknown> | null): MaintenanceJson[] {
  return (Object.values(list ?? {}) as MaintenanceJson[]).sort((a, b) =>
    a.title.localeCompare(b.title),
  );
}

/** When the window next runs or ran, in words (the first timeslot the server computed). */
function whenOf(m: MaintenanceJson): string {
  if (m.strategy === 'manual') return s.manualWhen;
  const slot = m.timeslotList[0];
  if (!slot?.startDate) return '';
  const show = (date: string | null) =>
    date === null ? '' : /Z$/.test(date) ? new Date(date).toLocaleString() : date;
  return s.slot(show(slot.startDate), show(slot.endDate), m.timezone);
}

/** `/maintenance`: every window with its status; pause, resume, edit, delete. */
export function MaintenanceList() {
  const list = useDashboard((state) => state.maintenances);
  const maintenances = maintenancesOf(list);
  return (
    <Page
      title={s.title}
      actions={
        <Link className="button button-primary" to="/maintenance/add">
          {s.add}
        </Link>
      }
    >
      {list === null ? (
        <p className="loading">{strings.common.loading}</p>
      ) : maintenances.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <ul className="item-list">
          {maintenances.map((m) => (
            <MaintenanceRow key={m.id} maintenance={m} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function MaintenanceRow({ maintenance: m }: { maintenance: MaintenanceJson }) {
  const { busy, act } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="item">
      <div className="item-main">
        <span className={`status-pill ${STATUS_CLASS[m.status]}`}>{s.statuses[m.status]}</span>
        <strong>{m.title}</strong>
        <span className="field-hint">{s.strategies[m.strategy as keyof typeof s.strategies]}</span>
      </div>
      {m.description && <p className="item-description">{m.description}</p>}
      <p className="field-hint">{whenOf(m)}</p>
      <Row>
        <Link className="button button-secondary" to={`/maintenance/edit/${m.id}`}>
          {s.editNamed(m.title)}
        </Link>
        <Link className="button button-secondary" to={`/maintenance/clone/${m.id}`}>
          {s.cloneNamed(m.title)}
        </Link>
        {m.active ? (
          <Button busy={busy} onClick={() => void act(() => request('pauseMaintenance', m.id))}>
            {s.pause}
          </Button>
        ) : (
          <Button busy={busy} onClick={() => void act(() => request('resumeMaintenance', m.id))}>
            {s.resume}
          </Button>
        )}
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {strings.common.delete}
        </Button>
      </Row>
      {confirming && (
        <ConfirmDialog
          open
          title={s.deleteTitle}
          message={s.deleteMessage(m.title)}
          confirmLabel={strings.common.delete}
          danger
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void act(() => request('deleteMaintenance', m.id));
          }}
        />
      )}
    </li>
  );
}
