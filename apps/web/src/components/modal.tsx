import { useEffect, useRef, type ReactNode } from 'react';
import { strings } from '../strings.js';
import { Button } from './button.js';

interface ModalProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  /** The buttons at the bottom; a Close button when omitted. */
  actions?: ReactNode;
}

/**
 * A modal on the native `<dialog>`: the browser traps focus, closes it on Escape and returns
 * focus to the opener, which no hand-written overlay gets right as cheaply.
 */
export function Modal({ title, open, onClose, children, actions }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="modal-title" onClose={onClose}>
      <h2 id="modal-title">{title}</h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">
        {actions ?? <Button onClick={onClose}>{strings.common.close}</Button>}
      </div>
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  open: boolean;
  confirmLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" with Cancel and a confirm button (red when `danger`). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, message, open, confirmLabel, danger, busy, onConfirm, onCancel } = props;
  return (
    <Modal
      title={title}
      open={open}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>{strings.common.cancel}</Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
            {confirmLabel ?? strings.common.confirm}
          </Button>
        </>
      }
    >
      <p>{message}</p>
    </Modal>
  );
}
