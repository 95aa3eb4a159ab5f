import { useState, type FormEvent } from 'react';
import { closureReasons, CloseCase } from '@relais/core';
import { closeCase, reopenCase, type CaseData } from '../../api/cases.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, Dialog, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../registry/registry-labels.ts';

/** Closing a case: the date, the reason, a note. */
export function CloseDialog({ c, onClose, onDone }: { c: CaseData; onClose: () => void; onDone: (c: CaseData) => void }) {
  const { t } = useI18n();
  const req = t('common.requiredMark');
  const [closedOn, setClosedOn] = useState(todayIso);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(CloseCase, { closedOn, reason, note: note.trim() || null });
    if (!form.check(checked)) return;
    const ok = await form.send(async () => onDone(await closeCase(c.id, checked.data)));
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('cases.closeTitle', { code: c.beneficiary.code })}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={form.busy}>
            {t('record.cancel')}
          </Button>
          <Button type="submit" form="close-case" variant="danger" busy={form.busy}>
            {form.busy ? t('common.saving') : t('cases.close')}
          </Button>
        </>
      }
    >
      <form id="close-case" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <TextField label={t('field.closedOn')} type="date" value={closedOn} required requiredLabel={req} error={form.errors.closedOn} onChange={setClosedOn} />
        <Select
          label={t('field.reason')}
          value={reason}
          required
          requiredLabel={req}
          error={form.errors.reason}
          options={[{ value: '', label: t('cases.chooseReason') }, ...closureReasons.map((r) => ({ value: r, label: t(`closure_reason.${r}`) }))]}
          onChange={setReason}
        />
        <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
      </form>
    </Dialog>
  );
}

/** Reopening a closed case (its history keeps the closing). */
export function ReopenDialog({ c, onClose, onDone }: { c: CaseData; onClose: () => void; onDone: (c: CaseData) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const ok = await form.send(async () => onDone(await reopenCase(c.id, { note: note.trim() || null })));
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('cases.reopenTitle', { code: c.beneficiary.code })}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={form.busy}>
            {t('record.cancel')}
          </Button>
          <Button type="submit" form="reopen-case" variant="primary" busy={form.busy}>
            {form.busy ? t('common.saving') : t('cases.reopen')}
          </Button>
        </>
      }
    >
      <form id="reopen-case" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
      </form>
    </Dialog>
  );
}
