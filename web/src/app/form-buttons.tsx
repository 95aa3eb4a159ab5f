import type { ReactNode } from 'react';
import { Button, SubmitButton, type ButtonVariant } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A form's buttons: submit (its text, or "Save"; "Saving…" and not pressable while `busy`) and,
 * given `onCancel`, cancel beside it (not pressable while busy either).
 */
export function FormButtons({ busy, onCancel, variant, children }: { busy: boolean; onCancel?: () => void; variant?: ButtonVariant; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SubmitButton busy={busy} busyLabel={t('common.saving')} variant={variant}>
        {children ?? t('common.save')}
      </SubmitButton>
      {onCancel ? (
        <Button onClick={onCancel} disabled={busy}>
          {t('record.cancel')}
        </Button>
      ) : null}
    </>
  );
}
