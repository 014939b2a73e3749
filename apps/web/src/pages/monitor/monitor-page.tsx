import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button.js';
import { CopyButton } from '../../components/copy-button.js';
import { Card, Page, Stack } from '../../components/layout.js';
import { ConfirmDialog } from '../../components/modal.js';
import { showNotice, showRequestError } from '../../components/notices.js';
import { request, useDashboard, watchMonitorBeats } from '../../lib/dashboard-client.js';
import type { HeartbeatJson } from '../../lib/dashboard-state.js';
import { errorMessage } from '../../lib/emit-with-ack.js';
import {
  beatStatus,
  displayStatus,
  formatPing,
  formatUptime,
  statusLabel,
} from '../../lib/format.js';
import { strings } from '../../strings.js';
import { BadgeBuilder } from './badge-builder.js';
import { formatBeatTime } from './beat-time.js';
import { CertificateFacts } from './certificate-facts.js';
import { ImportantEvents } from './important-events.js';
import { pushUrlOf } from './monitor-form.js';
import { ResponseChart } from './response-chart.js';
import './monitor.css';

const t = strings.monitor.page;
/** How many beats the strip shows (and the page fetches when it opens). */
const STRIP_BEATS = 100;

interface MonitorStats {
  uptime: Record<string, number>;
  avgPing: number | null;
  certInfo: string | null;
}

type Confirmable = 'pause' | 'delete' | 'clearBeats' | 'clearEvents';

/** getMonitorBeats answers stored rows (docs/protocol/monitors.md#heartbeatrow); the page keeps live-beat shapes. */
function rowToBeat(row: Record<string, unknown>): HeartbeatJson {
  return {
    monitorID: Number(row.monitor_id),
    status: Number(row.status),
    time: String(row.time),
    msg: String(row.msg ?? ''),
    ping: row.ping === null ? null : Number(row.ping),
    important: row.important === 1 || row.important === true,
    duration: Number(row.duration),
  } as HeartbeatJson;
}

/** `/dashboard/:id`: one monitor's beats, figures, chart, events, actions and badge. */
export function MonitorPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const summary = useDashboard((s) => s.monitors.get(id));
  const live = useDashboard((s) => s.stats.get(id));
  const beats = useDashboard((s) => s.watchedBeats.get(id));
  const [monitor, setMonitor] = useState<Record<string, unknown> | null>(null);
  const [stats, setStats] = useState<MonitorStats | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const [busy, setBusy] = useState(false);
  const [eventsKey, setEventsKey] = useState(0);

  const loadMonitor = useCallback(async () => {
    const answer = await request('getMonitor', id);
    setMonitor(answer.monitor as Record<string, unknown>);
  }, [id]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    setMonitor(null);
    setStats(null);
    setLoadError(null);
    Promise.all([
      loadMonitor(),
      request('getMonitorBeats', id, 24).then((answer) => {
        if (cancelled) return;
        const rows = (answer.data as Record<string, unknown>[]).slice(-STRIP_BEATS);
        stop = watchMonitorBeats(id, rows.map(rowToBeat));
      }),
    ]).catch((error: unknown) => !cancelled && setLoadError(errorMessage(error)));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [id, loadMonitor]);

  // The year's uptime has no live push: the figures are read again with each new beat.
  const latest = beats?.at(-1);
  const latestTime = latest?.time;
  useEffect(() => {
    let cancelled = false;
    request('getMonitorStats', id)
      .then((answer) => !cancelled && setStats(answer as unknown as MonitorStats))
      .catch((error: unknown) => !cancelled && setLoadError(errorMessage(error)));
    return () => {
      cancelled = true;
    };
  }, [id, latestTime]);

  // A new important beat belongs in the event list at once.
  const latestImportant = latest?.important === true ? latest.time : null;
  useEffect(() => {
    if (latestImportant) setEventsKey((k) => k + 1);
  }, [latestImportant]);

  if (!monitor) {
    return <Page title={strings.monitor.title}>{loadError ?? strings.common.loading}</Page>;
  }

  // The summary (lean burst, docs/protocol/dashboard.md) follows every change live; until it
  // arrives, the monitor object and the watched beats say the same.
  const latestBeat = beats?.at(-1);
  const name = summary?.name ?? String(monitor.name);
  const type = summary?.type ?? String(monitor.type);
  const status = displayStatus({
    active: summary?.active ?? monitor.active === true,
    maintenance: summary?.maintenance ?? monitor.maintenance === true,
    status: latestBeat?.status ?? summary?.status ?? null,
  });
  const uptime: Record<string, number> = { ...stats?.uptime, ...live?.uptime };
  const avgPing = live?.avgPing !== undefined ? live.avgPing : stats?.avgPing;
  const certInfo = live?.certInfo ?? stats?.certInfo ?? null;
  const pushToken = typeof monitor.pushToken === 'string' ? monitor.pushToken : null;
  const target =
    typeof monitor.url === 'string' && monitor.url !== '' && monitor.url !== 'https://'
      ? monitor.url
      : (summary?.target ?? (typeof monitor.hostname === 'string' ? monitor.hostname : null));
  const isHttp = type === 'http' || type === 'keyword' || type === 'json-query';

  async function act(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      showNotice('success', done);
      await loadMonitor();
    } catch (error) {
      showRequestError(error);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  const confirmations: Record<
    Confirmable,
    { title: string; message: string; run: () => Promise<void> }
  > = {
    pause: {
      title: t.confirmPauseTitle,
      message: t.confirmPause,
      run: () => act(() => request('pauseMonitor', id), t.paused),
    },
    delete: {
      title: t.confirmDeleteTitle,
      message: t.confirmDelete(name),
      run: async () => {
        setBusy(true);
        try {
          await request('deleteMonitor', id);
          showNotice('success', t.deleted);
          void navigate('/dashboard');
        } catch (error) {
          showRequestError(error);
          setBusy(false);
          setConfirming(null);
        }
      },
    },
    clearBeats: {
      title: t.confirmClearBeatsTitle,
      message: t.confirmClearBeats,
      run: async () => {
        await act(() => request('clearHeartbeats', id), t.cleared);
        watchMonitorBeats(id, []);
        setEventsKey((k) => k + 1);
      },
    },
    clearEvents: {
      title: t.confirmClearEventsTitle,
      message: t.confirmClearEvents,
      run: async () => {
        await act(() => request('clearEvents', id), t.cleared);
        setEventsKey((k) => k + 1);
      },
    },
  };

  async function setBadgesPublic(badgesPublic: boolean) {
    setBusy(true);
    try {
      // editMonitor is a full overwrite (docs/protocol/monitors.md#editmonitor): send the whole object back.
      const fresh = (await request('getMonitor', id)).monitor as Record<string, unknown>;
      await request('editMonitor', { ...fresh, badgesPublic });
      setMonitor({ ...fresh, badgesPublic });
      showNotice(
        'success',
        badgesPublic ? strings.monitor.badge.publicSaved : strings.monitor.badge.privateSaved,
      );
    } catch (error) {
      showRequestError(error);
    } finally {
      setBusy(false);
    }
  }

  const confirmation = confirming ? confirmations[confirming] : null;
  return (
    <Page
      title={name}
      actions={<span className={`status-pill status-${status}`}>{statusLabel(status)}</span>}
    >
      <Stack>
        <p className="monitor-summary-line">
          {strings.monitor.typeNames[type] ?? type}
          {target ? ` · ${target}` : ''}
        </p>
        {loadError && <p className="field-error">{loadError}</p>}

        <div className="monitor-actions" role="group" aria-label={t.actions}>
          {monitor.active === true ? (
            <Button onClick={() => setConfirming('pause')} busy={busy}>
              {t.pause}
            </Button>
          ) : (
            <Button
              variant="primary"
              busy={busy}
              onClick={() => void act(() => request('resumeMonitor', id), t.resumed)}
            >
              {t.resume}
            </Button>
          )}
          <Button onClick={() => void navigate(`/edit/${id}`)}>{t.edit}</Button>
          <Button onClick={() => void navigate(`/clone/${id}`)}>{t.clone}</Button>
          <Button onClick={() => setConfirming('clearEvents')}>{t.clearEvents}</Button>
          <Button onClick={() => setConfirming('clearBeats')}>{t.clearBeats}</Button>
          <Button variant="danger" onClick={() => setConfirming('delete')}>
            {t.delete}
          </Button>
        </div>

        <Card title={t.recentBeats}>
          <BeatStrip beats={beats ?? []} />
        </Card>

        <Card title={t.figures}>
          <dl className="figures">
            <Figure label={t.currentPing} value={formatPing(latestBeat?.ping ?? summary?.ping)} />
            <Figure label={t.avgPing} value={formatPing(avgPing)} />
            <Figure label={t.uptime24} value={formatUptime(uptime['24'] ?? summary?.uptime24)} />
            <Figure label={t.uptime30d} value={formatUptime(uptime['720'])} />
            <Figure label={t.uptime1y} value={formatUptime(uptime['8760'])} />
          </dl>
        </Card>

        {pushToken && (
          <Card title={t.pushUrl}>
            <p className="field-hint">{t.pushUrlHint}</p>
            <p className="code-line">{pushUrlOf(location.origin, pushToken)}</p>
            <div>
              <CopyButton text={pushUrlOf(location.origin, pushToken)} label={t.copyPushUrl} />
            </div>
          </Card>
        )}

        <Card>
          <ResponseChart monitorId={id} refreshKey={latestBeat?.time ?? ''} />
        </Card>

        {(certInfo || isHttp) && (
          <Card title={t.certificate}>
            <CertificateFacts certInfo={certInfo} />
          </Card>
        )}

        <Card>
          <ImportantEvents monitorId={id} refreshKey={eventsKey} />
        </Card>

        <Card>
          <BadgeBuilder
            monitorId={id}
            monitorName={name}
            badgesPublic={monitor.badgesPublic === true}
            busy={busy}
            onPublicChange={(on) => void setBadgesPublic(on)}
          />
        </Card>
      </Stack>
      {confirmation && (
        <ConfirmDialog
          open
          title={confirmation.title}
          message={confirmation.message}
          danger={confirming !== 'pause'}
          busy={busy}
          onConfirm={() => void confirmation.run()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Page>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The latest beats, oldest on the left; each says its status and time to screen readers. */
function BeatStrip({ beats }: { beats: readonly HeartbeatJson[] }) {
  if (beats.length === 0) return <p>{t.noBeats}</p>;
  return (
    <ol className="beat-strip" aria-label={t.recentBeats}>
      {beats.slice(-STRIP_BEATS).map((beat, index) => {
        const status = beatStatus(beat.status);
        const title = t.beatTitle(statusLabel(status), formatBeatTime(beat.time), beat.msg);
        return (
          <li
            key={`${beat.time}:${index}`}
            className={`beat status-${status}`}
            title={title}
            aria-label={title}
          />
        );
      })}
    </ol>
  );
}
