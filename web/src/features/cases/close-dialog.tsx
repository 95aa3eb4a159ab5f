import { useState, type ReactNode } from 'react';
import { closureReasons, CloseCase } from '@relais/core';
import { closeCase, reopenCase, type CaseData } from '../../api/cases.ts';
import { useFormSubmit, type FormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Button, Dialog, Form, Select, TextArea, TextField, type ButtonVariant } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';

/** Closing a case: the date, the reason, a note. */
export function CloseDialog({ c, onClose, onDone }: { c: CaseData; onClose: () => void; onDone: (c: CaseData) => void }) {
  const { t } = useI18n();
  const [closedOn, setClosedOn] = useState(todayIso);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(CloseCase, { closedOn, reason, note: note.trim() || null });
    if (!form.check(checked)) return;
    const ok = await form.send(async () => onDone(await closeCase(c.id, checked.data)));
    if (ok) onClose();
  };
  return (
    <MarkRequired>
      <StatusDialog id="close-case" title={t('cases.closeTitle', { code: c.beneficiary.code })} submitLabel={t('cases.close')} variant="danger" form={form} onSubmit={submit} onClose={onClose}>
        <TextField label={t('field.closedOn')} type="date" value={closedOn} required error={form.errors.closedOn} onChange={setClosedOn} />
        <Select
          label={t('field.reason')}
          value={reason}
          required
          error={form.errors.reason}
          options={[{ value: '', label: t('cases.chooseReason') }, ...closureReasons.map((r) => ({ value: r, label: t(`closure_reason.${r}`) }))]}
          onChange={setReason}
        />
        <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
      </StatusDialog>
    </MarkRequired>
  );
}

/** Reopening a closed case (its history keeps the closing). */
export function ReopenDialog({ c, onClose, onDone }: { c: CaseData; onClose: () => void; onDone: (c: CaseData) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const ok = await form.send(async () => onDone(await reopenCase(c.id, { note: note.trim() || null })));
    if (ok) onClose();
  };
  return (
    <StatusDialog id="reopen-case" title={t('cases.reopenTitle', { code: c.beneficiary.code })} submitLabel={t('cases.reopen')} variant="primary" form={form} onSubmit={submit} onClose={onClose}>
      <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
    </StatusDialog>
  );
}

/** A dialog changing the case's status: its form (`id`), cancel, and the submit button saying what it does. */
function StatusDialog({ id, title, submitLabel, variant, form, onSubmit, onClose, children }: {
  id: string;
  title: string;
  submitLabel: string;
  variant: ButtonVariant;
  form: FormSubmit;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={form.busy}>
            {t('record.cancel')}
          </Button>
          <Button type="submit" form={id} variant={variant} busy={form.busy}>
            {form.busy ? t('common.saving') : submitLabel}
          </Button>
        </>
      }
    >
      <Form id={id} message={form.message} onSubmit={onSubmit}>
        {children}
      </Form>
    </Dialog>
  );
}
