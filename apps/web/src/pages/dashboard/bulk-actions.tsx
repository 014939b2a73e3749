import { useState } from 'react';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/modal.js';
import { showNotice, showRequestError } from '../../components/notices.js';
import { request } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';

/** Pause or resume every selected monitor; pausing asks first, since checks stop. */
export function BulkActions({ ids, onDone }: { ids: ReadonlySet<number>; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function apply(event: 'pauseMonitor' | 'resumeMonitor') {
    setBusy(true);
    const results = await Promise.allSettled([...ids].map((id) => request(event, id)));
    setBusy(false);
    setConfirming(false);
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) showRequestError(failure.reason);
    else showNotice('success', strings.list.selected(ids.size));
    onDone();
  }

  return (
    <div className="bulk-actions" role="group" aria-label={strings.list.bulkActions}>
      <span>{strings.list.selected(ids.size)}</span>
      <Button onClick={() => setConfirming(true)} busy={busy}>
        {strings.list.pause}
      </Button>
      <Button onClick={() => void apply('resumeMonitor')} busy={busy}>
        {strings.list.resume}
      </Button>
      <Button variant="ghost" onClick={onDone}>
        {strings.list.clearSelection}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={strings.list.pause}
        message={strings.list.confirmPause(ids.size)}
        confirmLabel={strings.list.pause}
        danger
        busy={busy}
        onConfirm={() => void apply('pauseMonitor')}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
