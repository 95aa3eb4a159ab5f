import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './icon.tsx';

/**
 * A full-height panel over the screen, for a phone's menu (native modal `<dialog>`: focus kept
 * inside, Escape closes, background inert). Rendered only while open.
 */
export function Sheet({ title, closeLabel, children, onClose }: { title: ReactNode; closeLabel: string; children: ReactNode; onClose: () => void }) {
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
    <dialog ref={ref} className="sheet" aria-labelledby={titleId}>
      <div className="sheet-head">
        <h2 className="sheet-title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="sheet-close" onClick={() => close.current()} aria-label={closeLabel}>
          <Icon name="close" />
        </button>
      </div>
      <div className="sheet-body">{children}</div>
    </dialog>
  );
}
