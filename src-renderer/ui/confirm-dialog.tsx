// A confirmation on top of Dialog: the question as title, what will happen as body, and a
// Cancel button beside the confirming one (red when the step destroys something).
import type { ReactNode } from 'react';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
  /** The confirming button's text, which is also its accessible name. */
  readonly confirmLabel: string;
  /** Runs on confirm; the dialog then closes, after the promise settles when it returns one. */
  readonly onConfirm: () => void | Promise<void>;
  readonly danger?: boolean;
  /** Put focus on Cancel when the dialog opens. */
  readonly focusCancel?: boolean;
  readonly children: ReactNode;
}

export function ConfirmDialog({ title, open, onClose, confirmLabel, onConfirm, danger, focusCancel, children }: ConfirmDialogProps) {
  const confirm = () => {
    const done = onConfirm();
    if (done instanceof Promise) void done.then(() => onClose());
    else onClose();
  };
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} autoFocus={focusCancel}>
            Cancel
          </button>
          <button type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={confirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
