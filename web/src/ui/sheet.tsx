import type { ReactNode } from 'react';
import { useModal } from './use-modal.ts';
import { Icon } from './icon.tsx';

/**
 * A full-height panel over the screen, for a phone's menu (native modal `<dialog>`: focus kept
 * inside, Escape closes, background inert). Rendered only while open.
 */
export function Sheet({ title, closeLabel, children, onClose }: { title: ReactNode; closeLabel: string; children: ReactNode; onClose: () => void }) {
  const { ref, titleId, close } = useModal(onClose);
  return (
    <dialog ref={ref} className="sheet" aria-labelledby={titleId}>
      <div className="sheet-head">
        <h2 className="sheet-title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="sheet-close" onClick={close} aria-label={closeLabel}>
          <Icon name="close" />
        </button>
      </div>
      <div className="sheet-body">{children}</div>
    </dialog>
  );
}
