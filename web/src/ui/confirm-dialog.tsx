import { useState, type ReactNode } from 'react';
import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

/**
 * A dialog asking to confirm a step that changes or removes something: cancel first, then the
 * step's button (busy while it runs). A failed step is said above the body and the dialog stays
 * open; `onConfirm` closes it (or not) when the step succeeds.
 */
export function ConfirmDialog({ title, cancelLabel, confirmLabel, onConfirm, onClose, describeFailure, children }: {
  title: ReactNode;
  cancelLabel: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** The failure in the user's words. */
  describeFailure: (error: unknown) => string;
  children?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {failure ? <Alert tone="error">{describeFailure(failure)}</Alert> : null}
      {children}
    </Dialog>
  );
}
