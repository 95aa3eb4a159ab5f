import { useState } from 'react';
import { AppointmentInput } from '@relais/core';
import { addAppointment, updateAppointment, type CaseData } from '../../api/cases.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, TextField } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { wallClock } from './case-labels.ts';
import { CaseForm, EditableCard, type CardFormProps } from './case-card.tsx';

/** Follow-up appointments: add one, mark it kept or missed. */
export function AppointmentsCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useFormSubmit();
  const mark = (appointmentId: string, status: 'kept' | 'missed') => {
    form.begin();
    void form.send(async () => onChange(await updateAppointment(c.id, appointmentId, { status })));
  };
  return (
    <EditableCard c={c} title={t('cases.appointments.title')} canWrite={canWrite} openLabel={t('cases.appointments.add')} onChange={onChange} form={AppointmentForm}>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      {c.appointments.length ? (
        <ul className="item-list case-items">
          {c.appointments.map((a) => (
            <li key={a.id} className="case-item">
              <div>
                <p className="case-item-title" dir="auto">
                  {a.purpose}
                </p>
                <p className="muted">
                  {wallClock(intlTag(i18n.locale), a.at)} · {t(`appointment_status.${a.status}`)}
                </p>
              </div>
              {canWrite && a.status === 'planned' ? (
                <div className="form-actions">
                  <Button size="small" disabled={form.busy} onClick={() => mark(a.id, 'kept')} aria-label={t('cases.appointments.markKeptOf', { purpose: a.purpose })}>
                    {t('appointment_status.kept')}
                  </Button>
                  <Button size="small" disabled={form.busy} onClick={() => mark(a.id, 'missed')} aria-label={t('cases.appointments.markMissedOf', { purpose: a.purpose })}>
                    {t('appointment_status.missed')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('cases.appointments.none')}</p>
      )}
    </EditableCard>
  );
}

function AppointmentForm({ c, onCancel, onSaved }: CardFormProps) {
  const { t } = useI18n();
  const [id] = useState(newId);
  const [at, setAt] = useState('');
  const [purpose, setPurpose] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(AppointmentInput, { id, at, purpose });
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await addAppointment(c.id, { id, at: checked.data.at, purpose: checked.data.purpose })));
  };
  return (
    <CaseForm label={t('cases.appointments.add')} form={form} onSubmit={submit} onCancel={onCancel} saveLabel={t('cases.appointments.save')} nested>
      <div className="grid-2">
        <TextField label={t('field.at')} type="datetime-local" value={at} required error={form.errors.at} onChange={setAt} />
        <TextField label={t('field.purpose')} value={purpose} maxLength={300} required error={form.errors.purpose} onChange={setPurpose} />
      </div>
    </CaseForm>
  );
}
