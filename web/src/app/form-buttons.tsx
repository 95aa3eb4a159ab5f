import type { ReactNode } from 'react';
import type { FormSubmit } from '../api/use-form-submit.ts';
import { Button, Form, SubmitButton, type ButtonVariant } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MarkRequired } from './mark-required.tsx';

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

/**
 * A form named `label`, sent through `form`: the outcome of the last try above the fields (the
 * required ones marked), submit (`submitLabel`, or "Save") and, given `onCancel`, cancel below them.
 */
export function SubmitForm({ label, form, onSubmit, onCancel, submitLabel, className, children }: {
  label: string;
  form: FormSubmit;
  onSubmit: () => Promise<void>;
  onCancel?: (() => void) | undefined;
  submitLabel?: string | undefined;
  className: string;
  children: ReactNode;
}) {
  return (
    <Form
      className={className}
      aria-label={label}
      message={form.message}
      onSubmit={onSubmit}
      actions={
        <FormButtons busy={form.busy} onCancel={onCancel}>
          {submitLabel}
        </FormButtons>
      }
    >
      <MarkRequired>{children}</MarkRequired>
    </Form>
  );
}
