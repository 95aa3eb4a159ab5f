import type { ReactNode } from 'react';
import { Button, SubmitButton } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The actions of a case card's form: save (busy while sending) and cancel. */
export function SaveCancel({ busy, onCancel, children }: { busy: boolean; onCancel: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <SubmitButton busy={busy} busyLabel={t('common.saving')}>
        {children ?? t('common.save')}
      </SubmitButton>
      <Button onClick={onCancel} disabled={busy}>
        {t('record.cancel')}
      </Button>
    </div>
  );
}
