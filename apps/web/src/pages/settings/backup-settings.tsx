import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { FieldFrame } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { showNotice } from '../../components/notices.js';
import { dashboardStore, request } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { buildBackup, mapLimited, summariseBackup, type BackupSummary } from './backup-file.js';
import { SettingsSection } from './settings-section.js';

const s = strings.settings.backup;
const HANDLES = ['skip', 'overwrite', 'keep'] as const;
/** Monitors fetched at once for an export: enough to hide latency, few enough to share the server. */
const EXPORT_CONCURRENCY = 8;

/** Export as Kuma's JSON, and import one (docs/protocol/settings.md#uploadbackup). */
export function BackupSettings() {
  return (
    <SettingsSection title={strings.settings.sections.backup}>
      <ExportBackup />
      <ImportBackup />
    </SettingsSection>
  );
}

/**
 * The dashboard holds only monitor summaries (docs/protocol/dashboard.md), so an export asks
 * for each monitor in full, a few at a time, and shows how far it got.
 */
function ExportBackup() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const submit = useSubmit();
  async function exportBackup() {
    const state = dashboardStore.getState();
    const ids = [...state.monitors.keys()].sort((a, b) => a - b);
    setProgress({ done: 0, total: ids.length });
    await submit.run(async () => {
      const monitors = await mapLimited(
        ids,
        EXPORT_CONCURRENCY,
        async (id) => (await request('getMonitor', id)).monitor,
        (done) => setProgress({ done, total: ids.length }),
      );
      const text = buildBackup(
        state.info?.version ?? '',
        state.notifications ?? [],
        state.proxies ?? [],
        monitors,
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      link.download = s.fileName(new Date().toISOString().slice(0, 10));
      link.click();
      URL.revokeObjectURL(link.href);
    });
    setProgress(null);
  }
  return (
    <div className="card stack">
      <h3>{s.exportTitle}</h3>
      <p>{s.exportIntro}</p>
      {progress && (
        <progress value={progress.done} max={progress.total} aria-label={s.exportProgress}>
          {s.progress(progress.done, progress.total)}
        </progress>
      )}
      <FormError message={submit.errorOf('form')} />
      <Row>
        <Button variant="primary" busy={submit.busy} onClick={() => void exportBackup()}>
          {s.export}
        </Button>
      </Row>
    </div>
  );
}

function ImportBackup() {
  const [text, setText] = useState<string | null>(null);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [handle, setHandle] = useState<(typeof HANDLES)[number]>('skip');
  const [result, setResult] = useState<string | null>(null);
  const submit = useSubmit();

  async function choose(file: File | undefined) {
    setResult(null);
    setSummary(null);
    setFileError(null);
    if (!file) return;
    const content = await file.text();
    try {
      setSummary(summariseBackup(content));
      setText(content);
    } catch (error) {
      setFileError(
        error instanceof Error && error.message === 'not-json' ? s.notJson : s.notBackup,
      );
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (text === null || !summary) return;
    await submit.run(async () => {
      const answer = await request('uploadBackup', text, handle);
      setResult(s.imported(String(answer.msg ?? ''), summary));
      showNotice('success', String(answer.msg ?? s.importDone));
    });
  }

  return (
    <form className="card stack" onSubmit={(e) => void upload(e)} aria-labelledby="import-title">
      <h3 id="import-title">{s.importTitle}</h3>
      <FieldFrame label={s.file} error={fileError} hint={s.fileHint}>
        {({ input, describedBy }) => (
          <input
            id={input}
            type="file"
            accept="application/json,.json"
            aria-describedby={describedBy}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </FieldFrame>
      {summary && <p role="status">{s.summary(summary)}</p>}
      <fieldset className="choice-group">
        <legend>{s.handle}</legend>
        {HANDLES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="import-handle"
              value={value}
              checked={handle === value}
              onChange={() => setHandle(value)}
            />
            {s.handles[value]}
          </label>
        ))}
      </fieldset>
      {submit.busy && <progress aria-label={s.importing}>{s.importing}</progress>}
      <FormError message={submit.errorOf('form')} />
      {result && (
        <p className="form-notice" role="status">
          {result}
        </p>
      )}
      <Row>
        <Button type="submit" variant="primary" busy={submit.busy} disabled={!summary}>
          {s.import}
        </Button>
      </Row>
    </form>
  );
}
