import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (native `<dialog>`: focus kept inside, Escape closes, background inert).
 * Rendered only while open; `onClose` is called on Escape.
 */
export function Dialog({ title, children, actions, onClose, wide = false }: {
  title: ReactNode;
  children?: ReactNode;
  /** A wider dialog (for a table). */
  wide?: boolean;
  /** The buttons, in reading order (the safe choice first). */
  actions: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <h2 className="dialog-title" id={titleId}>
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="form-actions dialog-actions">{actions}</div>
    </dialog>
  );
}
