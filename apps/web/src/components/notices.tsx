import { createStore, useStoreSlice } from '../lib/store.js';
import { errorMessage } from '../lib/emit-with-ack.js';
import { strings } from '../strings.js';

interface Notice {
  id: number;
  kind: 'error' | 'success';
  text: string;
}

const noticeStore = createStore<readonly Notice[]>([]);
let nextId = 1;
const SHOW_MS = 6000;

/** Shows a short message at the bottom of the screen; errors stay until dismissed. */
export function showNotice(kind: Notice['kind'], text: string): void {
  const id = nextId++;
  noticeStore.update((notices) => [...notices, { id, kind, text }]);
  if (kind === 'success') setTimeout(() => dismissNotice(id), SHOW_MS);
}

/** Shows what a failed request said (the server's message, or a timeout). */
export function showRequestError(error: unknown): void {
  showNotice('error', errorMessage(error));
}

function dismissNotice(id: number): void {
  noticeStore.update((notices) => notices.filter((n) => n.id !== id));
}

/** The live region that shows the notices; rendered once, by the layout. */
export function Notices() {
  const notices = useStoreSlice(noticeStore, (n) => n);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          <button type="button" className="notice-dismiss" onClick={() => dismissNotice(notice.id)}>
            {strings.common.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
