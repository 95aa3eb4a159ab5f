import type { ReactNode } from 'react';
import { useModal } from './use-modal.ts';

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
  const { ref, titleId } = useModal(onClose);
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
